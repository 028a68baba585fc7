import type { Context, Hono } from 'hono';
import {
  type Actor,
  addUser,
  countUserSessions,
  deleteUserSessions,
  findUserById,
  issueSetupToken,
  LastOwner,
  listUsers,
  ROLES,
  recordAudit,
  SETUP_LINK_HOURS,
  type User,
} from '../../accounts/index.js';
import { changeStaffMember, deliverNamesOutcome, siteSettingsOrThrow } from '../../editorial/index.js';
import { DomainError, isDomainError } from '../../platform/errors.js';
import type { NewsroomDeps } from '../deps.js';
import { translateErrors } from '../forms.js';
import type { NewsroomEnv } from '../http/env.js';
import { requirePermission } from '../http/guard.js';
import { idParam } from '../http/params.js';
import { adminChrome, renderAdmin } from '../http/render.js';
import {
  type PersonFormValues,
  parseNewPerson,
  parsePersonChange,
  personFormValues,
} from '../people-forms.js';
import {
  OneTimeLinkPage,
  PeoplePage,
  type PersonFormView,
  PersonPage,
  type PersonRowView,
} from '../views/people-pages.js';
import { localeLabels } from './taxonomy-records.js';

type C = Context<NewsroomEnv>;

/** One-time messages after a redirect that the shared notices do not have. */
const DONE = new Set(['disabled', 'enabled', 'signedOut']);

const statusOf = (user: User): PersonRowView['status'] =>
  user.disabledAt ? 'disabled' : user.hasPassword ? 'active' : 'invited';

async function formView(
  c: C,
  deps: NewsroomDeps,
  values: PersonFormValues,
  errors: Record<string, string>,
): Promise<PersonFormView> {
  const t = c.get('t');
  const settings = await siteSettingsOrThrow(deps.db);
  return {
    values,
    errors,
    roles: ROLES.map((role) => ({ value: role, label: t(`admin.role.${role}`) })),
    locales: localeLabels([...new Set([...settings.locales, ...values.locales])]),
  };
}

async function renderList(
  c: C,
  deps: NewsroomDeps,
  actor: Actor,
  add: { values: PersonFormValues; errors: Record<string, string> },
  status: 200 | 422 = 200,
): Promise<Response> {
  const t = c.get('t');
  const users = await listUsers(deps.db);
  const chrome = adminChrome(c, deps, t('people.heading'));
  const view = {
    t,
    csrfToken: chrome.csrfToken,
    people: users.map((user) => ({
      href: `/admin/people/${user.id}`,
      email: user.email,
      displayName: user.displayName,
      roleLabel: t(`admin.role.${user.role}`),
      locales: user.locales,
      status: statusOf(user),
      isYou: user.id === actor.id,
    })),
    add: await formView(c, deps, add.values, add.errors),
  };
  return renderAdmin(c, chrome, <PeoplePage view={view} />, status);
}

async function renderPerson(
  c: C,
  deps: NewsroomDeps,
  actor: Actor,
  user: User,
  form: { values?: PersonFormValues; errors?: Record<string, string>; problem?: string } = {},
  status: 200 | 409 | 422 = 200,
): Promise<Response> {
  const t = c.get('t');
  const values = form.values ?? {
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    locales: user.locales,
  };
  const done = c.req.query('done');
  const chrome = adminChrome(c, deps, user.email);
  if (done && DONE.has(done)) chrome.notice = { kind: 'success', text: t(`people.notice.${done}`) };
  const view = {
    t,
    csrfToken: chrome.csrfToken,
    id: user.id,
    email: user.email,
    status: statusOf(user),
    isYou: user.id === actor.id,
    sessions: await countUserSessions(deps.db, user.id),
    form: await formView(c, deps, values, form.errors ?? {}),
    ...(form.problem ? { problem: form.problem } : {}),
  };
  return renderAdmin(c, chrome, <PersonPage view={view} />, status);
}

async function userOrThrow(deps: NewsroomDeps, id: number): Promise<User> {
  const user = await findUserById(deps.db, id);
  if (!user) throw new DomainError('not-found', `No account #${id}.`);
  return user;
}

function renderLink(c: C, deps: NewsroomDeps, user: User, token: string, heading: string): Response {
  const t = c.get('t');
  const chrome = adminChrome(c, deps, heading);
  const view = {
    t,
    heading,
    email: user.email,
    url: `${deps.config.siteUrl}/admin/setup/${token}`,
    hours: SETUP_LINK_HOURS,
    backHref: `/admin/people/${user.id}`,
  };
  return renderAdmin(c, chrome, <OneTimeLinkPage view={view} />);
}

/** A change refused by the account rules, shown on the person's page in the person's language. */
function refusal(c: C, error: unknown): { problem: string; status: 409 | 422 } | undefined {
  const t = c.get('t');
  if (error instanceof LastOwner) return { problem: t('people.error.lastOwner'), status: 409 };
  if (isDomainError(error) && error.kind === 'invalid') {
    return { problem: t('people.error.translatorLocales'), status: 422 };
  }
  return undefined;
}

/** People (owners only): who may use the newsroom, in which role and languages. */
export function peopleRoutes(app: Hono<NewsroomEnv>, deps: NewsroomDeps): void {
  app.get('/people', (c) => {
    const actor = requirePermission(c, { action: 'users.manage' });
    const values = { email: '', displayName: '', role: 'author', locales: [] };
    return renderList(c, deps, actor, { values, errors: {} });
  });

  app.post('/people', async (c) => {
    const actor = requirePermission(c, { action: 'users.manage' });
    const t = c.get('t');
    const values = personFormValues(await c.req.parseBody({ all: true }));
    const parsed = parseNewPerson(values);
    if (!parsed.ok)
      return renderList(c, deps, actor, { values, errors: translateErrors(parsed.errors, t) }, 422);
    let user: User;
    try {
      user = await addUser(deps.db, { ...parsed.value, uiLocale: t.locale }, null, deps.now());
    } catch (error) {
      if (isDomainError(error) && error.kind === 'conflict') {
        return renderList(c, deps, actor, { values, errors: { email: t('admin.error.emailTaken') } }, 422);
      }
      throw error;
    }
    const token = await issueSetupToken(deps.db, user.id, deps.now());
    await recordAudit(
      deps.db,
      {
        actor,
        action: 'user.add',
        subject: { kind: 'user', id: user.id },
        summary: user.email,
        details: { role: user.role, locales: user.locales },
      },
      deps.now(),
    );
    return renderLink(c, deps, user, token, t('people.link.addedHeading'));
  });

  app.get('/people/:id', async (c) => {
    const actor = requirePermission(c, { action: 'users.manage' });
    return renderPerson(c, deps, actor, await userOrThrow(deps, idParam(c)));
  });

  app.post('/people/:id', async (c) => {
    const actor = requirePermission(c, { action: 'users.manage' });
    const t = c.get('t');
    const user = await userOrThrow(deps, idParam(c));
    const values = { ...personFormValues(await c.req.parseBody({ all: true })), email: user.email };
    const parsed = parsePersonChange(values);
    if (!parsed.ok) {
      return renderPerson(c, deps, actor, user, { values, errors: translateErrors(parsed.errors, t) }, 422);
    }
    let changed: Awaited<ReturnType<typeof changeStaffMember>>;
    try {
      changed = await changeStaffMember(
        deps.db,
        actor,
        { userId: user.id, change: { kind: 'details', ...parsed.value } },
        deps.now(),
      );
    } catch (error) {
      const refused = refusal(c, error);
      if (!refused) throw error;
      return renderPerson(c, deps, actor, user, { values, problem: refused.problem }, refused.status);
    }
    // The name is in bylines on every page: a new one drops them all, here and in front.
    await deliverNamesOutcome(changed.outcome, deps);
    const saved = changed.user;
    // An owner who just gave up the role can no longer see this page.
    const stillManages = saved.id !== actor.id || saved.role === 'owner';
    return c.redirect(stillManages ? `/admin/people/${user.id}?notice=saved` : '/admin?notice=saved', 303);
  });

  for (const action of ['disable', 'enable'] as const) {
    app.post(`/people/:id/${action}`, async (c) => {
      const actor = requirePermission(c, { action: 'users.manage' });
      const t = c.get('t');
      const user = await userOrThrow(deps, idParam(c));
      if (action === 'disable' && user.id === actor.id) {
        return renderPerson(c, deps, actor, user, { problem: t('people.error.disableSelf') }, 409);
      }
      let changed: Awaited<ReturnType<typeof changeStaffMember>>;
      try {
        changed = await changeStaffMember(
          deps.db,
          actor,
          { userId: user.id, change: { kind: 'access', disabled: action === 'disable' } },
          deps.now(),
        );
      } catch (error) {
        const refused = refusal(c, error);
        if (!refused) throw error;
        return renderPerson(c, deps, actor, user, { problem: refused.problem }, refused.status);
      }
      // A disabled person's author page goes, and with it the links in their bylines.
      await deliverNamesOutcome(changed.outcome, deps);
      return c.redirect(`/admin/people/${user.id}?done=${action}d`, 303);
    });
  }

  app.post('/people/:id/reset-link', async (c) => {
    const actor = requirePermission(c, { action: 'users.manage' });
    const t = c.get('t');
    const user = await userOrThrow(deps, idParam(c));
    const token = await issueSetupToken(deps.db, user.id, deps.now());
    await recordAudit(
      deps.db,
      { actor, action: 'user.reset-link', subject: { kind: 'user', id: user.id }, summary: user.email },
      deps.now(),
    );
    return renderLink(c, deps, user, token, t('people.link.resetHeading'));
  });

  app.post('/people/:id/sign-out', async (c) => {
    const actor = requirePermission(c, { action: 'users.manage' });
    const user = await userOrThrow(deps, idParam(c));
    const ended = await deleteUserSessions(deps.db, user.id);
    await recordAudit(
      deps.db,
      {
        actor,
        action: 'user.sessions-revoke',
        subject: { kind: 'user', id: user.id },
        summary: user.email,
        details: { sessions: ended },
      },
      deps.now(),
    );
    // Logging yourself out everywhere includes this browser.
    return c.redirect(
      user.id === actor.id ? '/admin/sign-in' : `/admin/people/${user.id}?done=signedOut`,
      303,
    );
  });
}
