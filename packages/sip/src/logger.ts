/** The logger shape the stack accepts (pino-compatible); the default says nothing. */
export interface Logger {
  debug(obj: unknown, msg?: string): void;
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
}

const nothing = (): void => {};
export const noopLogger: Logger = { debug: nothing, info: nothing, warn: nothing, error: nothing };
