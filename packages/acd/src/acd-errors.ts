/** Expected failures of ACD commands, as named exceptions callers can catch. */
export class AcdError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The command does not apply to the object's current state (e.g. logout with work in hand). */
export class InvalidStateError extends AcdError {
  constructor(message: string) {
    super('ACD_INVALID_STATE', message);
  }
}

/** A queue, agent, work item or offer id that the engine does not know (or no longer knows). */
export class NotFoundError extends AcdError {
  constructor(kind: 'queue' | 'agent' | 'item' | 'offer', id: string) {
    super(`ACD_${kind.toUpperCase()}_NOT_FOUND`, `unknown ${kind} ${id}`);
  }
}

/** An id already in use, or a configuration that cannot work (skill level outside 1–10 …). */
export class InvalidConfigError extends AcdError {
  constructor(message: string) {
    super('ACD_INVALID_CONFIG', message);
  }
}
