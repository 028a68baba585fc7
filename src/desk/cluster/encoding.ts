import { SignatureMalformed } from './errors.js';

// Byte 0 names the format; version 1 is: MinHash slots from minhash.ts's seeds and mix, then each
// slot as a little-endian uint32. Anything that changes signature values (seeds, hashing,
// shingling defaults) must bump it, because old and new signatures would silently not compare.
export const SIGNATURE_FORMAT_VERSION = 1;
const HEADER_BYTES = 1;

/** Signature to bytes for a BLOB/bytea column: a version byte, then little-endian uint32 slots. */
export function encodeSignature(signature: Uint32Array): Uint8Array {
  const bytes = new Uint8Array(HEADER_BYTES + signature.length * 4);
  const view = new DataView(bytes.buffer);
  bytes[0] = SIGNATURE_FORMAT_VERSION;
  for (let i = 0; i < signature.length; i++)
    view.setUint32(HEADER_BYTES + i * 4, signature[i] as number, true);
  return bytes;
}

/** Bytes from encodeSignature (a Buffer from SQLite or PostgreSQL will do) back to a signature. */
export function decodeSignature(bytes: Uint8Array): Uint32Array {
  if (bytes.length === 0) throw new SignatureMalformed('Signature bytes are empty');
  if (bytes[0] !== SIGNATURE_FORMAT_VERSION)
    throw new SignatureMalformed(`Unknown signature format version ${bytes[0]}`, { version: bytes[0] });
  if ((bytes.length - HEADER_BYTES) % 4 !== 0)
    throw new SignatureMalformed(`Signature is ${bytes.length} bytes: not a whole number of slots`);
  // A Buffer is often a window on a shared pool, so read through its own offset.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const signature = new Uint32Array((bytes.length - HEADER_BYTES) / 4);
  for (let i = 0; i < signature.length; i++) signature[i] = view.getUint32(HEADER_BYTES + i * 4, true);
  return signature;
}
