/**
 * What a use case refuses, with the HTTP status it stands for. The edge (lib/http/refusal.ts) turns any
 * of these into an answer by its `status`, so a use case says what went wrong without knowing about
 * HTTP or Next, and nothing has to recognise an error by its name.
 */
export abstract class AppError extends Error {
  abstract readonly status: number;
  constructor(
    message: string,
    /** Fields the client needs beside the message (the report as it is now, the findings…). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** The input cannot be accepted as given (400); the message says what to change. */
export class ValidationError extends AppError {
  readonly status = 400;
}

export class UnauthenticatedError extends AppError {
  readonly status = 401;
  constructor(message = "请先登录。") {
    super(message);
  }
}

export class ForbiddenError extends AppError {
  readonly status = 403;
  constructor(message = "您没有执行此操作的权限。") {
    super(message);
  }
}

/** The thing does not exist for this caller — whether it exists for someone else is not revealed. */
export class NotFoundError extends AppError {
  readonly status = 404;
  constructor(message = "未找到该记录，或您无权访问。") {
    super(message);
  }
}

/** The request collides with the current state (409): a duplicate, a stale version, a status that forbids it. */
export class ConflictError extends AppError {
  readonly status = 409;
}

export class PayloadTooLargeError extends AppError {
  readonly status = 413;
}

export class UnsupportedMediaTypeError extends AppError {
  readonly status = 415;
}

/** Understood, but refused on its merits (422), e.g. submitting a report that still has errors. */
export class UnprocessableError extends AppError {
  readonly status = 422;
}

/** Too many attempts or requests (429); try again after `retryAfterSeconds`. */
export class TooManyRequestsError extends AppError {
  readonly status = 429;
  constructor(
    message: string,
    public readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** The server cannot take this on now (503), e.g. every import worker busy and the queue full. */
export class ServiceUnavailableError extends AppError {
  readonly status = 503;
  constructor(
    message: string,
    public readonly retryAfterSeconds = 5,
  ) {
    super(message);
  }
}
