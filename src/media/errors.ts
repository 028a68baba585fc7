import { DomainError, type DomainErrorKind } from '../platform/errors.js';

/** Why an upload was refused; the admin shows each in the person's language. */
export type UploadProblem = 'empty' | 'too-many-bytes' | 'not-an-image' | 'too-many-pixels' | 'damaged';

const KIND: Record<UploadProblem, DomainErrorKind> = {
  empty: 'invalid',
  'too-many-bytes': 'too-large',
  'not-an-image': 'unsupported-media',
  'too-many-pixels': 'too-large',
  damaged: 'invalid',
};

const megabytes = (bytes: number) => Math.round((bytes / 1_048_576) * 10) / 10;
const megapixels = (pixels: number) => Math.round(pixels / 100_000) / 10;

function message(problem: UploadProblem, values: Record<string, number>): string {
  switch (problem) {
    case 'empty':
      return 'The file is empty.';
    case 'too-many-bytes':
      return `The file is ${values.megabytes} MB; the most this server accepts is ${values.limitMegabytes} MB.`;
    case 'not-an-image':
      return 'This file is not a JPEG, PNG, WebP, AVIF or GIF image (judged by its contents, not its name).';
    case 'too-many-pixels':
      return `The image is ${values.width} × ${values.height} pixels (${values.megapixels} megapixels); the most this server accepts is ${values.limitMegapixels} megapixels.`;
    case 'damaged':
      return 'The image is damaged or incomplete, so it cannot be read.';
  }
}

/** An upload refused before anything was stored; `values` fill the translated message. */
export class UploadRefused extends DomainError {
  readonly problem: UploadProblem;
  readonly values: Record<string, number>;

  constructor(problem: UploadProblem, values: Record<string, number> = {}) {
    super(KIND[problem], message(problem, values), { code: problem, ...values });
    this.problem = problem;
    this.values = values;
  }

  static tooManyBytes(size: number, limit: number): UploadRefused {
    return new UploadRefused('too-many-bytes', {
      megabytes: megabytes(size),
      limitMegabytes: megabytes(limit),
    });
  }

  static tooManyPixels(width: number, height: number, limit: number): UploadRefused {
    return new UploadRefused('too-many-pixels', {
      width,
      height,
      megapixels: megapixels(width * height),
      limitMegapixels: megapixels(limit),
    });
  }
}
