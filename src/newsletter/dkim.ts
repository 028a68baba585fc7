import { createPrivateKey, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Config, ConfigError } from '../platform/config.js';

/**
 * Header fields the signature covers, when present. RFC 8058 §3 only honours one-click
 * unsubscribe when List-Unsubscribe and List-Unsubscribe-Post are both signed; Gmail's and
 * Yahoo's 2024 bulk-sender rules ask for exactly that. Content-Language is ours, signed so a
 * relay cannot relabel the language a client picks fonts and translation offers by.
 */
const DKIM_SIGNED_HEADERS = [
  'From',
  'Sender',
  'Reply-To',
  'To',
  'Cc',
  'Subject',
  'Date',
  'Message-ID',
  'In-Reply-To',
  'References',
  'MIME-Version',
  'Content-Type',
  'Content-Transfer-Encoding',
  'Content-Language',
  'List-Id',
  'List-Unsubscribe',
  'List-Unsubscribe-Post',
  'List-Help',
  'List-Archive',
  'Feedback-ID',
].join(':');

/** RFC 8301 §3.2: verifiers must not accept signatures made with RSA keys under 1024 bits. */
const MIN_RSA_BITS = 1024;

function refuse(reason: string): ConfigError {
  return new ConfigError(`Invalid configuration:\n  DKIM_PRIVATE_KEY: ${reason}`);
}

function readKeyText(value: string): string {
  const trimmed = value.trim();
  // Env files cannot hold newlines, so inline PEM arrives with literal "\n"; a path is left
  // alone, because "C:\new\dkim.pem" is a path, not PEM.
  if (trimmed.includes('-----BEGIN')) return trimmed.replace(/\\r\\n|\\n/g, '\n');
  // A pasted key that lost its BEGIN line would be "a path" too, and must not reach the log:
  // base64 has no ".", so only a value with a dot is shown (dkim.pem, /etc/velocity/key.pem).
  const shown =
    /^[^\s]{1,255}$/.test(trimmed) && trimmed.includes('.') ? path.resolve(trimmed) : 'the given path';
  try {
    return fs.readFileSync(trimmed, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw refuse(`neither PEM text nor a readable PEM file (${shown}: ${code})`);
  }
}

/**
 * Parses DKIM_PRIVATE_KEY (inline PEM or a file path) once, so a bad key stops start-up instead
 * of each message. Only RSA: nodemailer signs `a=rsa-sha256` and, when the key cannot make that
 * signature (Ed25519, RSA-PSS), sends the message unsigned without an error.
 */
function loadDkimKey(value: string): KeyObject {
  const text = readKeyText(value);
  // PKCS#8 "ENCRYPTED PRIVATE KEY" and the legacy "Proc-Type: 4,ENCRYPTED" header.
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type:\s*4,ENCRYPTED/.test(text)) {
    throw refuse('the key is encrypted; give an unencrypted PEM key');
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: text, format: 'pem' });
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw refuse(`not a PEM private key${code ? ` (${code})` : ''}`);
  }
  if (key.asymmetricKeyType === 'ed25519') {
    throw refuse('Ed25519 keys are not supported (nodemailer signs rsa-sha256 only); use an RSA key');
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw refuse(`an RSA private key is needed, not ${key.asymmetricKeyType ?? 'this key type'}`);
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS) {
    throw refuse(`the RSA key has ${bits} bits; verifiers refuse under ${MIN_RSA_BITS} (use 2048)`);
  }
  return key;
}

export interface DkimSigning {
  /** nodemailer's `dkim` transport option. */
  options: { domainName: string; keySelector: string; privateKey: KeyObject; headerFieldNames: string };
  domain: string;
  selector: string;
}

/** The signing set-up, or null when DKIM_DOMAIN and DKIM_PRIVATE_KEY are not both set. */
export function dkimSigning(config: Config): DkimSigning | null {
  if (!config.DKIM_DOMAIN || !config.DKIM_PRIVATE_KEY) return null;
  const privateKey = loadDkimKey(config.DKIM_PRIVATE_KEY);
  return {
    options: {
      domainName: config.DKIM_DOMAIN,
      keySelector: config.DKIM_SELECTOR,
      privateKey,
      headerFieldNames: DKIM_SIGNED_HEADERS,
    },
    domain: config.DKIM_DOMAIN,
    selector: config.DKIM_SELECTOR,
  };
}
