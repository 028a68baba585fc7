import fs from 'node:fs';
import path from 'node:path';

// The database, its WAL, the secret key and the mail outbox hold sessions, subscribers' addresses
// and signing keys: readable by the server's user only, whatever the umask. A mode given to
// mkdir or open only applies to what is created (and only after the umask), so every helper also
// chmods, which fixes folders and files left readable by an earlier version.

const PRIVATE_DIR_MODE = 0o700;
const PRIVATE_FILE_MODE = 0o600;

/** Creates the folder (and its parents) if needed and makes it 0700. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  fs.chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Creates an empty file if there is none, and makes it 0600 either way. */
export function ensurePrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE_MODE));
  fs.chmodSync(file, PRIVATE_FILE_MODE);
}

/** Makes the file 0600 if it exists. */
export function restrictIfPresent(file: string): void {
  try {
    fs.chmodSync(file, PRIVATE_FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Writes a file that is 0600 from its first byte (`flag: 'wx'` refuses to replace one). */
export function writePrivateFile(file: string, data: string | Uint8Array, flag: 'w' | 'wx' = 'w'): void {
  fs.writeFileSync(file, data, { mode: PRIVATE_FILE_MODE, flag });
  fs.chmodSync(file, PRIVATE_FILE_MODE);
}

/** Makes a folder 0700 and every file directly inside it 0600 (an outbox from before). */
export function restrictFolder(dir: string): void {
  if (!fs.existsSync(dir)) return;
  fs.chmodSync(dir, PRIVATE_DIR_MODE);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile()) fs.chmodSync(path.join(dir, entry.name), PRIVATE_FILE_MODE);
  }
}
