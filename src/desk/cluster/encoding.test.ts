import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../platform/errors.js';
import { decodeSignature, encodeSignature, SIGNATURE_FORMAT_VERSION } from './encoding.js';
import { SignatureMalformed } from './errors.js';
import { minhashSignature } from './minhash.js';

describe('encodeSignature / decodeSignature', () => {
  it('round-trips any signature', () => {
    fc.assert(
      fc.property(fc.uint32Array({ maxLength: 300 }), (signature) => {
        expect(decodeSignature(encodeSignature(signature))).toEqual(signature);
      }),
    );
  });

  it('writes the version byte first, then little-endian slots', () => {
    const bytes = encodeSignature(Uint32Array.of(0x04030201, 0xffffffff));
    expect([...bytes]).toEqual([SIGNATURE_FORMAT_VERSION, 1, 2, 3, 4, 255, 255, 255, 255]);
  });

  it('stores a 128-slot signature in 513 bytes', () => {
    expect(encodeSignature(minhashSignature('corvid unveils k9'))).toHaveLength(513);
  });

  it('reads a Buffer that is a window on a larger pool, as drivers return them', () => {
    const signature = minhashSignature('corvid unveils k9');
    const pool = Buffer.alloc(2000);
    const window = pool.subarray(7, 7 + 513);
    window.set(encodeSignature(signature));
    expect(decodeSignature(window)).toEqual(signature);
    expect(
      decodeSignature(Buffer.from(Buffer.from(encodeSignature(signature)).toString('base64'), 'base64')),
    ).toEqual(signature);
  });

  it.each([
    ['empty', new Uint8Array(0)],
    ['unknown version', Uint8Array.of(2, 0, 0, 0, 0)],
    ['torn slot', Uint8Array.of(SIGNATURE_FORMAT_VERSION, 1, 2, 3)],
  ])('refuses %s bytes with a typed error', (_, bytes) => {
    expect(() => decodeSignature(bytes)).toThrow(SignatureMalformed);
    try {
      decodeSignature(bytes);
    } catch (error) {
      expect(isDomainError(error) && error.kind).toBe('malformed');
    }
  });
});
