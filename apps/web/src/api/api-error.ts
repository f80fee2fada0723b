import { ERRORS, type ApiError as ApiErrorBody, type ErrorCode, type FieldError } from '@rexian/contracts';

/** An error answer from the server (`{ error: { code, message, messageEn, fields } }`) as a thrown value. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly messageEn: string;
  readonly fields: FieldError[];
  /** The whole answer as it came, for errors that carry more than fields (FLOW_INVALID's problems). */
  readonly answer: unknown;

  constructor(status: number, body: ApiErrorBody, answer: unknown = null) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.messageEn = body.messageEn;
    this.fields = body.fields ?? [];
    this.answer = answer;
  }

  /** Reads an error answer; one that is not in the catalogue's shape (a proxy's 502 page) becomes INTERNAL. */
  static fromAnswer(status: number, data: unknown): ApiError {
    const body = (data as { error?: Partial<ApiErrorBody> } | null)?.error;
    if (body && typeof body.code === 'string' && typeof body.message === 'string') {
      return new ApiError(status, {
        code: body.code,
        message: body.message,
        messageEn: body.messageEn ?? body.message,
        fields: Array.isArray(body.fields) ? body.fields : [],
      }, data);
    }
    return new ApiError(status, { code: 'INTERNAL', message: ERRORS.INTERNAL.zh, messageEn: ERRORS.INTERNAL.en });
  }

  /** The browser could not reach the server at all. */
  static unreachable(): ApiError {
    return new ApiError(0, {
      code: 'INTERNAL',
      message: '无法连接服务器，请检查网络后重试',
      messageEn: 'Cannot reach the server; check the network and try again',
    });
  }
}
