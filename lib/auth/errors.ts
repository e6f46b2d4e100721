/** The thing does not exist for this caller — whether it exists for someone else is not revealed. */
export class NotFoundError extends Error {
  constructor(message = "未找到该记录，或您无权访问。") {
    super(message);
    this.name = "NotFoundError";
  }
}

export class ForbiddenError extends Error {
  constructor(message = "您没有执行此操作的权限。") {
    super(message);
    this.name = "ForbiddenError";
  }
}

export class UnauthenticatedError extends Error {
  constructor(message = "请先登录。") {
    super(message);
    this.name = "UnauthenticatedError";
  }
}

/** The input cannot be accepted as given (400); the message says what to change. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}

/** Something with this name already exists (409), e.g. an account. */
export class AlreadyExistsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AlreadyExistsError";
  }
}

/** Too many failed attempts (429); try again after `retryAfterSeconds`. */
export class TooManyAttemptsError extends Error {
  constructor(message: string, public readonly retryAfterSeconds: number) {
    super(message);
    this.name = "TooManyAttemptsError";
  }
}
