import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/database.js';
import { newsletterTestDeps } from '../../test/support/newsletter.js';
import { type SmtpSink, startSmtpSink } from '../../test/support/smtp-sink.js';
import type { NewsletterDeps } from './deps.js';
import { InvalidEmailAddress, NewsletterLinkRefused, SignupRateLimited } from './errors.js';
import {
  deleteSubscriberData,
  exportSubscriberData,
  loadPreferences,
  savePreferences,
  unsubscribe,
} from './manage.js';
import { findSubscriberByEmail } from './queries.js';
import { confirmSubscription, manageLinks, requestSubscription, type SignupRequest } from './subscribe.js';
import { signToken } from './tokens.js';

function signup(overrides: Partial<SignupRequest> = {}): SignupRequest {
  return {
    email: 'reader@example.org',
    locale: 'en',
    frequency: 'weekly',
    topics: [],
    honeypot: '',
    ip: '198.51.100.7',
    ...overrides,
  };
}

/** The token at the end of the first link to `segment` in a mail's text part. */
function tokenFrom(text: string, segment: string): string {
  const match = text.match(new RegExp(`https://news\\.example\\.test/\\w+/newsletter/${segment}/([\\w.-]+)`));
  if (!match?.[1]) throw new Error(`no ${segment} link in:\n${text}`);
  return match[1];
}

async function refusal(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof NewsletterLinkRefused) return error.reason;
    throw error;
  }
  return undefined;
}

describe.each(DIALECTS)('newsletter subscriptions on %s', (dialect) => {
  let database: TestDatabase;
  let sink: SmtpSink;
  let deps: NewsletterDeps;
  let clock: { now: Date };

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    sink = await startSmtpSink();
    ({ deps, clock } = newsletterTestDeps(database.db, { smtpUrl: sink.url, dataDir: database.dataDir }));
  });
  afterAll(async () => {
    deps.mailer.close();
    await sink.close();
    await database.destroy();
  });

  it('sends one confirmation and nothing else until the link is used; a replay is refused', async () => {
    const before = sink.received.length;
    const outcome = await requestSubscription(deps, signup({ email: ' Reader@Example.org ', locale: 'zh' }));
    await outcome.delivery;
    const [mail] = (await sink.waitFor(before + 1)).slice(before);
    expect(mail?.recipients).toEqual(['reader@example.org']);
    const pending = await findSubscriberByEmail(deps.db, 'reader@example.org');
    expect(pending?.state).toBe('pending');
    expect(pending?.confirmed_at).toBeNull();

    const token = tokenFrom(mail?.parsed.text ?? '', 'confirm');
    await confirmSubscription(deps, { token, ip: '198.51.100.7', userAgent: 'Test' });
    const active = await findSubscriberByEmail(deps.db, 'reader@example.org');
    expect(active?.state).toBe('active');
    expect(active?.confirm_ip_hash).toMatch(/^[\w-]{43}$/);
    expect(active?.confirm_ip_hash).not.toContain('198.51');
    expect(await refusal(confirmSubscription(deps, { token, ip: '198.51.100.7', userAgent: 'Test' }))).toBe(
      'used',
    );

    // Signing up again while active sends nothing and changes nothing.
    await (await requestSubscription(deps, signup({ email: 'reader@example.org', ip: '198.51.100.8' })))
      .delivery;
    expect(sink.received.length).toBe(before + 1);
    expect((await findSubscriberByEmail(deps.db, 'reader@example.org'))?.locale).toBe('zh');
  });

  it('refuses forged, expired and wrong-purpose confirmation links, and superseded ones', async () => {
    const before = sink.received.length;
    await (await requestSubscription(deps, signup({ email: 'second@example.org' }))).delivery;
    await (await requestSubscription(deps, signup({ email: 'second@example.org' }))).delivery;
    const mails = (await sink.waitFor(before + 2)).slice(before);
    const first = tokenFrom(mails[0]?.parsed.text ?? '', 'confirm');
    const second = tokenFrom(mails[1]?.parsed.text ?? '', 'confirm');
    const id = (await findSubscriberByEmail(deps.db, 'second@example.org'))?.id ?? 0;
    const later = Math.floor(clock.now.getTime() / 1000) + 3600;
    const confirm = (token: string) => confirmSubscription(deps, { token, ip: '::1', userAgent: '' });

    expect(
      await refusal(
        confirm(
          signToken('someone-elses-secret-123', {
            purpose: 'confirm',
            subscriberId: id,
            expiresAt: later,
            nonce: 'x',
          }),
        ),
      ),
    ).toBe('forged');
    expect(
      await refusal(confirm(manageLinks(deps, { id, locale: 'en' }).preferencesUrl.split('/').at(-1) ?? '')),
    ).toBe('wrong-purpose');
    expect(await refusal(confirm(first))).toBe('used');
    const saved = clock.now;
    clock.now = new Date(saved.getTime() + 4 * 86_400_000);
    expect(await refusal(confirm(second))).toBe('expired');
    clock.now = saved;
    await confirm(second);
    expect((await findSubscriberByEmail(deps.db, 'second@example.org'))?.state).toBe('active');
  });

  it('lets exactly one of two simultaneous uses of a confirmation link win', async () => {
    const before = sink.received.length;
    await (await requestSubscription(deps, signup({ email: 'race@example.org', ip: '192.0.2.99' }))).delivery;
    const [mail] = (await sink.waitFor(before + 1)).slice(before);
    const token = tokenFrom(mail?.parsed.text ?? '', 'confirm');
    const results = await Promise.allSettled(
      [1, 2].map(() => confirmSubscription(deps, { token, ip: '192.0.2.99', userAgent: '' })),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('ignores a filled honeypot and refuses header injection', async () => {
    const before = sink.received.length;
    await (await requestSubscription(deps, signup({ email: 'bot@example.org', honeypot: 'http://spam' })))
      .delivery;
    expect(await findSubscriberByEmail(deps.db, 'bot@example.org')).toBeUndefined();
    await expect(
      requestSubscription(deps, signup({ email: 'x@example.org\r\nBcc: victim@example.org' })),
    ).rejects.toBeInstanceOf(InvalidEmailAddress);
    expect(sink.received.length).toBe(before);
  });

  it('limits signups per address and per IP within an hour', async () => {
    const limits = deps.config;
    for (let i = 0; i < limits.NEWSLETTER_SIGNUPS_PER_ADDRESS_PER_HOUR; i++) {
      await requestSubscription(deps, signup({ email: 'target@example.org', ip: `203.0.113.${i}` }));
    }
    await expect(
      requestSubscription(deps, signup({ email: 'target@example.org', ip: '203.0.113.200' })),
    ).rejects.toBeInstanceOf(SignupRateLimited);
    for (let i = 0; i < limits.NEWSLETTER_SIGNUPS_PER_IP_PER_HOUR; i++) {
      await requestSubscription(deps, signup({ email: `many${i}@example.org`, ip: '192.0.2.50' }));
    }
    await expect(
      requestSubscription(deps, signup({ email: 'one-more@example.org', ip: '192.0.2.50' })),
    ).rejects.toBeInstanceOf(SignupRateLimited);
    const saved = clock.now;
    clock.now = new Date(saved.getTime() + 3_600_001);
    await requestSubscription(deps, signup({ email: 'one-more@example.org', ip: '192.0.2.50' }));
    clock.now = saved;
  });

  it('changes preferences, unsubscribes, exports and deletes through signed links', async () => {
    const subscriber = await findSubscriberByEmail(deps.db, 'reader@example.org');
    if (!subscriber) throw new Error('no subscriber');
    const { preferencesUrl, unsubscribeUrl } = manageLinks(deps, subscriber);
    const preferences = preferencesUrl.split('/').at(-1) ?? '';
    await savePreferences(deps, preferences, {
      locale: 'en',
      frequency: 'daily',
      topics: [
        { kind: 'section', key: 'ai-models' },
        { kind: 'entity', key: 'nvidia' },
      ],
    });
    expect(await loadPreferences(deps, preferences)).toEqual({
      email: 'reader@example.org',
      locale: 'en',
      frequency: 'daily',
      state: 'active',
      topics: [
        { kind: 'entity', key: 'nvidia' },
        { kind: 'section', key: 'ai-models' },
      ],
    });
    await unsubscribe(deps, unsubscribeUrl.split('/').at(-1) ?? '', 'unsubscribe');
    const exported = await exportSubscriberData(deps, preferences);
    expect(exported.subscriber.state).toBe('unsubscribed');
    expect(exported.subscriber.consent.confirmedAt).not.toBeNull();
    expect(exported.topics).toHaveLength(2);
    await deleteSubscriberData(deps, preferences);
    expect(await findSubscriberByEmail(deps.db, 'reader@example.org')).toBeUndefined();
    expect(await refusal(loadPreferences(deps, preferences))).toBe('unknown-subscriber');
  });
});
