import { DomainError } from '../../platform/errors.js';

/** Stored signature bytes that this version cannot read: unknown version byte or a torn length. */
export class SignatureMalformed extends DomainError {
  constructor(message: string, details?: unknown) {
    super('malformed', message, details);
  }
}

/** An item id given to a clusterer twice: a rebuild must add each stored item once. */
export class ClusterItemDuplicated extends DomainError {
  constructor(id: number | string) {
    super('conflict', `Item ${String(id)} is already clustered`, { id });
  }
}
