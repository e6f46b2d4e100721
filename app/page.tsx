import { redirect } from "next/navigation";
import { getAuthContext } from "@/lib/auth/context";

export default async function Home() {
  redirect((await getAuthContext()) ? "/reports" : "/login");
}
