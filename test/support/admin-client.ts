import type { TestApp } from './app.js';

/**
 * A browser without a browser: keeps cookies between requests to the in-process app and reads the
 * CSRF token from the last page, so HTTP tests can walk the admin as a person would.
 */
export class AdminClient {
  readonly cookies = new Map<string, string>();
  csrf = '';
  lastHtml = '';

  // Only `get` is used, so a client for a server in another process can pass a fetch to its URL.
  constructor(private readonly app: Pick<TestApp, 'get'>) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some(
        (a) => /max-age=0\b/i.test(a.trim()) || /expires=Thu, 01 Jan 1970/i.test(a),
      );
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('cookie', this.cookieHeader());
    const response = await this.app.get(path, { ...init, headers, redirect: 'manual' });
    this.remember(response);
    if ((response.headers.get('content-type') ?? '').startsWith('text/html')) {
      this.lastHtml = await response.clone().text();
      const token = /name="_csrf" value="([^"]+)"/.exec(this.lastHtml)?.[1];
      if (token) this.csrf = token;
    }
    return response;
  }

  get(path: string): Promise<Response> {
    return this.request(path);
  }

  /** Posts a form with the page's CSRF token unless `_csrf` is given (use '' to send none). */
  post(
    path: string,
    fields: Record<string, string | string[]>,
    options: { csrf?: string } = {},
  ): Promise<Response> {
    const body = new URLSearchParams();
    const token = options.csrf ?? this.csrf;
    if (token) body.set('_csrf', token);
    for (const [name, value] of Object.entries(fields)) {
      for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
    }
    return this.request(path, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  /**
   * Posts a multipart form with one file (an upload), with the page's CSRF token unless `csrf` is
   * given (use '' to send none). The browser's declared type is whatever the test says it is.
   */
  upload(
    path: string,
    fields: Record<string, string>,
    file: { field?: string; name: string; type: string; bytes: Uint8Array },
    options: { csrf?: string } = {},
  ): Promise<Response> {
    const body = new FormData();
    const token = options.csrf ?? this.csrf;
    if (token) body.set('_csrf', token);
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    body.append(file.field ?? 'file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
    return this.request(path, { method: 'POST', body });
  }

  /** Signs in through the form; throws unless the admin answers with a redirect. */
  async signIn(email: string, password: string): Promise<void> {
    // Signed out, the page sets the sign-in form's token; signed in, it redirects and the
    // session's token (already read from an earlier page) is the one to send.
    await this.get('/admin/sign-in');
    const response = await this.post('/admin/sign-in', { email, password });
    if (response.status !== 303) throw new Error(`sign-in answered ${response.status}`);
    await this.get('/admin/stories');
  }
}
