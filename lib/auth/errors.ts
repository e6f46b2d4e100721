// The refusals live in lib/errors.ts, each with its HTTP status; these are the names the auth and user
// code has always used for them.
export {
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError as InputError,
  ConflictError as AlreadyExistsError,
  TooManyRequestsError as TooManyAttemptsError,
} from "@/lib/errors";
