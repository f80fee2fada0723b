/** A pino-compatible logger; the engine logs through one of these, never the console. */
export interface Logger {
  debug(obj: unknown, msg?: string): void;
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
}

const ignore = (): void => undefined;

export const noopLogger: Logger = { debug: ignore, info: ignore, warn: ignore, error: ignore };
