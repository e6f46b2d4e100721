import { headers } from "next/headers";
import { clientIp } from "./client-ip";

/** The caller's address inside a server action or page (route handlers use clientIp(request.headers)). */
export async function requestIp(): Promise<string | null> {
  return clientIp(await headers());
}
