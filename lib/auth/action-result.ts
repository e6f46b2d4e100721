// Server actions' refusals go through the one mapper in lib/http (see authAction there).
export { actionRefusal as actionError, type ActionResult } from "@/lib/http/auth-action";
