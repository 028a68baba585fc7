import { DomainError } from '../platform/errors.js';

export class StoryNotFound extends DomainError {
  constructor(reference: string) {
    super('not-found', `No story matches ${reference}.`);
  }
}

export class DanglingStoryLink extends DomainError {
  readonly references: string[];
  constructor(locale: string, references: string[]) {
    super('invalid', `The ${locale} variant links to stories that do not exist: ${references.join(', ')}.`, {
      locale,
      references,
    });
    this.references = references;
  }
}

export class SlugTaken extends DomainError {
  constructor(locale: string, slug: string) {
    super('conflict', `The slug "${slug}" is already used by another ${locale} story.`, { locale, slug });
  }
}

export class UnknownReference extends DomainError {
  constructor(what: 'section' | 'entity' | 'media' | 'locale' | 'user', reference: string) {
    super('invalid', `Unknown ${what}: ${reference}.`, { what, reference });
  }
}

export class ImportRefused extends DomainError {
  constructor(message: string) {
    super('conflict', message);
  }
}
