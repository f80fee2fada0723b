/** Named failures of a call attempt. */
export class CallFailedError extends Error {
  override readonly name = 'CallFailedError';
  constructor(
    readonly status: number,
    readonly reason: string,
  ) {
    super(`call failed: ${status} ${reason}`);
  }
}

export class CallTimeoutError extends Error {
  override readonly name = 'CallTimeoutError';
}
