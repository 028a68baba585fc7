import fs from 'node:fs';
import { parseArgs } from 'node:util';
import {
  createMailer,
  createNewsletter,
  EMPTY_COUNTS,
  fillDigestLinks,
  type Newsletter,
  type SendTally,
} from '../newsletter/index.js';
import type { Config } from '../platform/config.js';
import type { DigestFrequency } from '../platform/database/index.js';
import { htmlLangTag } from '../publishing/index.js';
import { loadSiteName } from '../site/index.js';
import { findSiteSettings } from '../stories/index.js';
import { CliError, type DeskCommandIo, quietLog, runCliSafely } from './desk-io.js';
import { createProgress } from './progress.js';
import { loadSecret } from './runtime.js';
import { groupHelp, subcommandHelp } from './subcommands.js';
import { textTable } from './text-table.js';

// `velocity newsletter …`: send what is due (or an issue now), see how issues are going, and
// look at a digest before it goes out.

const SUBCOMMANDS = {
  send: {
    usage: 'velocity newsletter send [--now --frequency daily|weekly [--locale L]]',
    summary: 'Plan the digests that are due, then send every pending delivery, with a progress bar.',
    details:
      'With --now, an issue covering the period since the last one is planned at once instead of waiting for the schedule. Safe to run while `serve` or workers send too: deliveries are claimed, so no one gets a message twice. Ctrl-C stops after the messages under way.',
  },
  status: {
    usage: 'velocity newsletter status [--limit N] [--json]',
    summary: 'List recent issues with their sent, pending, retrying, failed and suppressed counts.',
    details: '',
  },
  preview: {
    usage:
      'velocity newsletter preview --locale L [--frequency daily|weekly] [--topics LIST] [--text] [--output FILE]',
    summary: 'Compose the digest a list would get now and write its HTML (or --text) without sending.',
    details:
      'LIST is comma-separated section:KEY and entity:SLUG topics; none means every story. The links to the preferences and unsubscribe pages point at the signup page.',
  },
} as const;

type Subcommand = keyof typeof SUBCOMMANDS;

export function newsletterHelp(): string {
  return groupHelp('newsletter', SUBCOMMANDS);
}

const OPTIONS = {
  send: { now: { type: 'boolean' }, frequency: { type: 'string' }, locale: { type: 'string' } },
  status: { limit: { type: 'string' }, json: { type: 'boolean' } },
  preview: {
    locale: { type: 'string' },
    frequency: { type: 'string' },
    topics: { type: 'string' },
    text: { type: 'boolean' },
    output: { type: 'string', short: 'o' },
  },
} as const;

function frequencyOf(input: string | undefined): DigestFrequency {
  if (input === undefined || input === 'daily' || input === 'weekly') return input ?? 'daily';
  throw new CliError(`--frequency is daily or weekly, not "${input}".`, 2);
}

function topicsOf(input: string | undefined) {
  if (!input) return [];
  return input.split(',').map((part) => {
    const [kind, key] = part.trim().split(':');
    if ((kind !== 'section' && kind !== 'entity') || !key)
      throw new CliError(`A topic is section:KEY or entity:SLUG, not "${part}".`, 2);
    return { kind, key } as const;
  });
}

async function withNewsletter<T>(
  io: DeskCommandIo,
  use: (newsletter: Newsletter, config: Config) => Promise<T>,
) {
  const config = io.config();
  const database = await io.openDatabase(config);
  const log = (io.log ?? quietLog)(config);
  const mailer = createMailer(config, log);
  try {
    // Digests need the site's names and languages; a database nobody has set up has none.
    if (!(await findSiteSettings(database.db)))
      throw new CliError(
        'The database holds no site yet: run `velocity serve` once, or `velocity seed` or `velocity import`.',
      );
    const newsletter = createNewsletter({
      db: database.db,
      config,
      log,
      secret: loadSecret(config),
      mailer,
      now: io.now,
      siteName: await loadSiteName(database.db),
      languageTag: htmlLangTag,
    });
    return await use(newsletter, config);
  } finally {
    mailer.close();
    await database.close();
  }
}

function summary(tally: SendTally): string {
  const parts = [`${tally.sent} sent`, `${tally.failed} failed`, `${tally.suppressed} suppressed`];
  if (tally.retrying > 0) parts.push(`${tally.retrying} waiting to retry`);
  if (tally.inDoubt > 0) parts.push(`${tally.inDoubt} taken over from a stopped sender`);
  return `Deliveries: ${parts.join(', ')}.`;
}

async function outstanding(newsletter: Newsletter): Promise<number> {
  let total = 0;
  for (const counts of (await newsletter.admin.countDeliveries()).values())
    total += counts.pending + counts.sending;
  return total;
}

async function send(
  newsletter: Newsletter,
  io: DeskCommandIo,
  opts: Record<string, unknown>,
): Promise<number> {
  if (opts.now) {
    const frequency = frequencyOf(opts.frequency as string | undefined);
    const locales = opts.locale ? [opts.locale as string] : await newsletter.admin.listActiveLocales();
    const dueAt = io.now();
    for (const locale of locales) {
      const outcome = await newsletter.admin.planRun({
        frequency,
        locale,
        kind: 'manual',
        slot: `manual-${dueAt.toISOString()}`,
        dueAt,
      });
      io.out(
        `${locale} ${frequency}: ${outcome.deliveriesPlanned} deliveries planned in ${outcome.issues.filter((i) => i.state !== 'empty').length} issues.`,
      );
    }
  } else {
    await newsletter.planDueRuns();
  }
  const total = await outstanding(newsletter);
  if (total === 0) {
    io.out('Nothing to send: no delivery is pending.');
    return 0;
  }
  const progress = createProgress(io.progressStream, 'Sending');
  progress.start(total);
  let tally: SendTally;
  try {
    tally = await newsletter.sendPending({
      untilIdle: true,
      ...(io.signal ? { signal: io.signal } : {}),
      onProgress: (t) => progress.update(t.sent + t.failed + t.suppressed),
    });
  } finally {
    progress.stop();
  }
  io.out(summary(tally));
  const left = await outstanding(newsletter);
  if (left > 0)
    io.out(`${left} deliveries are still pending (retries or pacing); the scheduler sends them when due.`);
  return tally.failed > 0 ? 1 : 0;
}

async function status(
  newsletter: Newsletter,
  io: DeskCommandIo,
  opts: Record<string, unknown>,
): Promise<number> {
  const limit = opts.limit === undefined ? 20 : Number(opts.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new CliError(`--limit takes a whole number from 1 to 1000, not "${String(opts.limit)}".`, 2);
  const issues = await newsletter.admin.listIssues({ limit });
  const counts = await newsletter.admin.countDeliveries(issues.map((i) => i.id));
  const rows = issues.map((issue) => ({
    id: issue.id,
    slot: issue.slot,
    locale: issue.locale,
    frequency: issue.frequency,
    topics: issue.topic_key || 'all',
    stories: (JSON.parse(issue.story_ids) as number[]).length,
    state: issue.state,
    ...(counts.get(issue.id) ?? EMPTY_COUNTS),
  }));
  if (opts.json) {
    io.out(JSON.stringify(rows, null, 2));
    return 0;
  }
  if (rows.length === 0) {
    io.out('No issue yet. `velocity newsletter send --now` plans one.');
    return 0;
  }
  io.out(
    textTable([
      [
        'ID',
        'SLOT',
        'LOCALE',
        'FREQ',
        'TOPICS',
        'STORIES',
        'STATE',
        'SENT',
        'PENDING',
        'RETRYING',
        'FAILED',
        'SUPPRESSED',
      ],
      ...rows.map((r) => [
        String(r.id),
        r.slot,
        r.locale,
        r.frequency,
        r.topics.length > 30 ? `${r.topics.slice(0, 29)}…` : r.topics,
        String(r.stories),
        r.state,
        String(r.sent),
        String(r.pending + r.sending),
        String(r.retrying),
        String(r.failed),
        String(r.suppressed),
      ]),
    ]),
  );
  return 0;
}

async function preview(
  newsletter: Newsletter,
  config: Config,
  io: DeskCommandIo,
  opts: Record<string, unknown>,
): Promise<number> {
  const locale = opts.locale as string | undefined;
  if (!locale) throw new CliError('preview needs --locale, such as --locale zh.', 2);
  const frequency = frequencyOf(opts.frequency as string | undefined);
  const { period, digest: composed } = await newsletter.admin.previewDigest({
    locale,
    frequency,
    topics: topicsOf(opts.topics as string | undefined),
    days: frequency === 'daily' ? 1 : 7,
  });
  if (!composed) {
    io.err(`No story was published for this list since ${period.since}: there would be no digest.`);
    return 1;
  }
  const signup = `${config.siteUrl}/${locale}/newsletter`;
  const filled = fillDigestLinks(composed, { preferencesUrl: signup, unsubscribeUrl: signup });
  const body = opts.text ? filled.text : filled.html;
  const output = opts.output as string | undefined;
  if (output) {
    try {
      fs.writeFileSync(output, body);
    } catch (error) {
      throw new CliError(`Cannot write ${output}: ${(error as Error).message}`);
    }
    io.err(`"${composed.subject}": ${composed.storyIds.length} stories, written to ${output}.`);
  } else io.write(body);
  return 0;
}

/** `velocity newsletter <subcommand> …`; returns the exit code (0 done, 1 refused or failed, 2 wrong usage). */
export async function runNewsletterCommand(args: string[], io: DeskCommandIo): Promise<number> {
  const [name, ...rest] = args;
  if (!name || name === '--help' || name === '-h') {
    io.out(newsletterHelp());
    return name ? 0 : 2;
  }
  if (!(name in SUBCOMMANDS)) {
    io.err(`Unknown subcommand "${name}".\n\n${newsletterHelp()}`);
    return 2;
  }
  const subcommand = name as Subcommand;
  const help = subcommandHelp(SUBCOMMANDS[subcommand]);
  return runCliSafely(io, help, async () => {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { help: { type: 'boolean', short: 'h' }, ...OPTIONS[subcommand] },
      strict: true,
      allowPositionals: true,
    });
    if (values.help) {
      io.out(help);
      return 0;
    }
    if (positionals.length > 0) throw new CliError(`Unexpected argument "${positionals[0]}".\n\n${help}`, 2);
    const opts = values as Record<string, unknown>;
    if (subcommand === 'send' && !opts.now && (opts.frequency || opts.locale))
      throw new CliError('--frequency and --locale go with --now.', 2);
    if (subcommand === 'preview') topicsOf(opts.topics as string | undefined);
    return withNewsletter(io, (newsletter, config) =>
      subcommand === 'send'
        ? send(newsletter, io, opts)
        : subcommand === 'status'
          ? status(newsletter, io, opts)
          : preview(newsletter, config, io, opts),
    );
  });
}
