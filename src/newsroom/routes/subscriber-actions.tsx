import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { recordAudit } from '../../accounts/index.js';
import { SignupRateLimited } from '../../newsletter/index.js';
import { DomainError } from '../../platform/errors.js';
import type { NewsroomDeps } from '../deps.js';
import type { NewsroomEnv } from '../http/env.js';
import { requirePermission } from '../http/guard.js';
import { adminChrome, renderAdmin } from '../http/render.js';
import { SubscriberActionConfirmPage } from '../views/subscriber-confirm-page.js';

type C = Context<NewsroomEnv>;

/** The same right the subscribers page asks for: whoever may import may also remove. */
const PERMISSION = { action: 'subscribers.manage' } as const;
const VERBS = ['unsubscribe', 'delete'] as const;
type Verb = (typeof VERBS)[number];
const subscriberId = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/)
  .transform(Number)
  .pipe(z.number().int().max(2_147_483_647));

function readId(c: C): number {
  const id = subscriberId.safeParse(c.req.param('id'));
  if (!id.success) throw new DomainError('not-found', `No such page: ${c.req.path}`);
  return id.data;
}

function gone(c: C): never {
  throw new DomainError('not-found', c.get('t')('subscribers.gone'));
}

/**
 * Unsubscribing or deleting one subscriber from the list, each confirmed first and audited, and
 * sending a pending subscriber's confirmation mail again (nothing to undo, so not asked first).
 */
export function subscriberActionRoutes(app: Hono<NewsroomEnv>, deps: NewsroomDeps): void {
  // Without JavaScript there is no confirm dialog: the form arrives unconfirmed, and the answer
  // is this page, whose button sends it again confirmed.
  const confirmPage = async (c: C, verb: Verb) => {
    requirePermission(c, PERMISSION);
    const t = c.get('t');
    const id = readId(c);
    const subscriber = await deps.newsletter.admin.findSubscriber(id);
    if (!subscriber) gone(c);
    const chrome = adminChrome(c, deps, t(`subscribers.${verb}.heading`));
    const view = {
      t,
      csrfToken: chrome.csrfToken,
      verb,
      email: subscriber.email,
      action: `/admin/subscribers/${id}/${verb}`,
    };
    return renderAdmin(c, chrome, <SubscriberActionConfirmPage view={view} />);
  };

  for (const verb of VERBS) {
    const path = `/subscribers/:id{[0-9]+}/${verb}`;
    app.get(path, (c) => confirmPage(c, verb));
    app.post(path, (c) => act(c, verb));
  }

  app.post('/subscribers/:id{[0-9]+}/resend', async (c) => {
    const actor = requirePermission(c, PERMISSION);
    const t = c.get('t');
    const id = readId(c);
    let outcome: Awaited<ReturnType<typeof deps.newsletter.admin.resendConfirmation>>;
    try {
      outcome = await deps.newsletter.admin.resendConfirmation(id);
    } catch (error) {
      if (!(error instanceof SignupRateLimited)) throw error;
      // The signup form's limit per address, which a resend counts toward: said plainly, as a 429.
      throw new DomainError(
        'rate-limited',
        t('subscribers.resend.limited', { max: deps.config.NEWSLETTER_SIGNUPS_PER_ADDRESS_PER_HOUR }),
      );
    }
    if (!outcome) gone(c);
    if (!outcome.sent) throw new DomainError('conflict', t('subscribers.resend.notPending'));
    await recordAudit(
      deps.db,
      {
        actor,
        action: 'subscriber.resend-confirmation',
        subject: { kind: 'subscriber', id },
        summary: outcome.email,
        details: {},
      },
      deps.now(),
    );
    return c.redirect('/admin/subscribers?notice=confirmationResent', 303);
  });

  async function act(c: C, verb: Verb) {
    const actor = requirePermission(c, PERMISSION);
    const id = readId(c);
    const body = await c.req.parseBody();
    if (body.confirmed !== 'yes') return confirmPage(c, verb);
    const outcome =
      verb === 'delete'
        ? await deps.newsletter.admin.eraseSubscriber(id)
        : await deps.newsletter.admin.unsubscribeSubscriber(id);
    if (!outcome) gone(c);
    await recordAudit(
      deps.db,
      {
        actor,
        action: verb === 'delete' ? 'subscriber.delete' : 'subscriber.unsubscribe',
        subject: { kind: 'subscriber', id },
        // An erased person's address is not kept in the log either: the id says which row it was.
        summary: verb === 'delete' ? `subscriber #${id}` : outcome.email,
        details: { stateBefore: outcome.stateBefore, changed: outcome.changed },
      },
      deps.now(),
    );
    const notice = verb === 'delete' ? 'subscriberDeleted' : 'subscriberUnsubscribed';
    return c.redirect(`/admin/subscribers?notice=${notice}`, 303);
  }
}
