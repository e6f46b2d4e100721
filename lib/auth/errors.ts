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
