import { ERRORS, type ApiError, type ErrorCode, type FieldError } from '@rexian/contracts';

/** An expected failure with a code from the catalogue; the error handler turns it into JSON. */
export class AppError extends Error {
  readonly status: number;
  constructor(readonly code: ErrorCode, readonly fields?: FieldError[]) {
    super(ERRORS[code].en);
    this.name = 'AppError';
    this.status = ERRORS[code].status;
  }
}

export function apiError(code: ErrorCode, fields?: FieldError[]): { error: ApiError } {
  const entry = ERRORS[code];
  return { error: { code, message: entry.zh, messageEn: entry.en, ...(fields ? { fields } : {}) } };
}

/** PostgreSQL SQLSTATE 23505 (unique_violation) carries the index name in `constraint`. */
export function uniqueViolation(error: unknown): string | undefined {
  let current: unknown = error;
  // Drizzle wraps driver errors in `cause`.
  for (let depth = 0; current && depth < 3; depth++) {
    const e = current as { code?: string; constraint?: string; cause?: unknown };
    if (e.code === '23505') return e.constraint ?? '';
    current = e.cause;
  }
  return undefined;
}

/** For `.catch()` after a write to a table whose `name` is unique. */
export function nameTaken(error: unknown): never {
  if (uniqueViolation(error) !== undefined) throw new AppError('NAME_TAKEN', [{ field: 'name', message: '名称已存在' }]);
  throw error;
}
