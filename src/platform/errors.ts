export type DomainErrorKind =
  | 'malformed'
  | 'not-found'
  | 'gone'
  | 'invalid'
  | 'conflict'
  | 'forbidden'
  | 'unauthenticated'
  | 'rate-limited'
  | 'method-not-allowed'
  | 'too-large'
  | 'unsupported-media';

/** An error a feature raises on purpose; platform/http alone decides which HTTP status it becomes. */
export class DomainError extends Error {
  readonly kind: DomainErrorKind;
  readonly details: unknown;

  constructor(kind: DomainErrorKind, message: string, details?: unknown) {
    super(message);
    this.name = new.target.name;
    this.kind = kind;
    this.details = details;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
