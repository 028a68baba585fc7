import { addUser } from '../../src/accounts/index.js';
import { issueApiKey } from '../../src/api-keys/index.js';
import type { UserRole } from '../../src/platform/database/index.js';
import type { TestApp } from './app.js';

/** A content key for the test app's database. */
export async function contentKey(t: TestApp, name = 'test content key'): Promise<string> {
  const issued = await issueApiKey(
    t.database.db,
    { kind: 'content', name, userId: null, createdBy: null },
    new Date(),
  );
  return issued.token;
}

let people = 0;

/** A new person with `role` and a staff token that acts as them. */
export async function staffToken(
  t: TestApp,
  role: UserRole,
  options: { locales?: string[] } = {},
): Promise<{ token: string; userId: number }> {
  people += 1;
  const user = await addUser(
    t.database.db,
    { email: `${role}-${people}-${Date.now()}@api.example.test`, role, locales: options.locales ?? [] },
    null,
    new Date(),
  );
  const issued = await issueApiKey(
    t.database.db,
    { kind: 'staff', name: `${role} token`, userId: user.id, createdBy: null },
    new Date(),
  );
  return { token: issued.token, userId: user.id };
}

/** A JSON request to the API with a bearer token; the body is sent as JSON unless it is a string. */
export function apiRequest(
  t: TestApp,
  path: string,
  options: { token?: string; method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  return t.get(`/api${path}`, {
    method: options.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    body,
  });
}
