import { parseArgs } from 'node:util';
import {
  addUser,
  checkPasswordPolicy,
  countUserSessions,
  findUserByEmail,
  issueSetupToken,
  listUsers,
  ROLES,
  recordAudit,
  SETUP_LINK_HOURS,
  setPassword,
  type User,
} from '../accounts/index.js';
import type { Config } from '../platform/config.js';
import type { DatabaseHandle } from '../platform/database/index.js';
import { isDomainError } from '../platform/errors.js';
import { isWellFormedLocale } from '../platform/locale.js';
import { groupHelp, subcommandHelp } from './subcommands.js';
import { textTable } from './text-table.js';

// `velocity user …`: accounts from the terminal, for the first owner on a fresh server and for
// when nobody can sign in any more. Passwords come on standard input or from a hidden prompt,
// never as arguments, which other users of the machine could read in the process list.

/** What the command needs from its surroundings, so tests and main.ts can hand it in. */
export interface UserCommandIo {
  config: () => Config;
  openDatabase: (config: Config) => Promise<DatabaseHandle>;
  stdin: NodeJS.ReadStream;
  /** A line for standard output. */
  out: (text: string) => void;
  /** A line for standard error. */
  err: (text: string) => void;
  /** Text for the terminal as it is (a prompt, no line break). */
  prompt: (text: string) => void;
  now: () => Date;
}

const SUBCOMMANDS = {
  add: {
    usage: 'velocity user add --email EMAIL --role ROLE [--name NAME] [--locales zh,en] [--password-stdin]',
    summary: 'Add a person to the newsroom.',
    details: [
      `ROLE is one of ${ROLES.join(', ')}; a translator needs --locales (BCP 47 tags, comma-separated).`,
      `Without --password-stdin it prints a one-time link (valid ${SETUP_LINK_HOURS} hours) where they set a password;`,
      'with it, the password is read from standard input: printf %s "$PASSWORD" | velocity user add … --password-stdin',
    ].join('\n'),
  },
  password: {
    usage: 'velocity user password --email EMAIL [--password-stdin]',
    summary: 'Set a person’s password; every session of theirs ends.',
    details:
      'The new password is asked for twice without echo, or read from standard input with --password-stdin.',
  },
  reset: {
    usage: 'velocity user reset --email EMAIL',
    summary: 'Print a one-time link with which the person sets a new password.',
    details: `The link works once, for ${SETUP_LINK_HOURS} hours. Using it ends every session of theirs.`,
  },
  list: {
    usage: 'velocity user list',
    summary: 'List everyone with their role, languages and status.',
    details: '',
  },
} as const;

type Subcommand = keyof typeof SUBCOMMANDS;

/** A refusal the person at the terminal can act on; the exit code says what kind. */
class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

export function userHelp(): string {
  return groupHelp('user', SUBCOMMANDS);
}

function helpOf(name: Subcommand): string {
  return subcommandHelp(SUBCOMMANDS[name]);
}

async function readStdin(stdin: NodeJS.ReadStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  // One trailing line break is what `echo` and a heredoc add; it is not part of the password.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function promptHidden(
  stdin: NodeJS.ReadStream,
  write: (text: string) => void,
  question: string,
): Promise<string> {
  write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const done = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          done();
          resolve(value);
          return;
        }
        if (ch === '\u0003' || ch === '\u0004') {
          done();
          reject(new CliError('Cancelled; nothing was changed.'));
          return;
        }
        value = ch === '\u007f' || ch === '\b' ? [...value].slice(0, -1).join('') : value + ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** The new password: standard input with --password-stdin, else asked twice at a terminal. */
async function newPassword(io: UserCommandIo, fromStdin: boolean): Promise<string> {
  let password: string;
  if (fromStdin) {
    password = await readStdin(io.stdin);
    if (password === '') throw new CliError('No password arrived on standard input.');
  } else if (io.stdin.isTTY) {
    password = await promptHidden(io.stdin, io.prompt, 'New password: ');
    const again = await promptHidden(io.stdin, io.prompt, 'Repeat it: ');
    if (again !== password) throw new CliError('The two passwords are not the same; nothing was changed.');
  } else {
    throw new CliError('Give the new password on standard input with --password-stdin.', 2);
  }
  try {
    checkPasswordPolicy(password);
  } catch (error) {
    if (isDomainError(error)) throw new CliError(error.message);
    throw error;
  }
  return password;
}

function required(value: string | undefined, option: string, name: Subcommand): string {
  if (value === undefined || value.trim() === '') {
    throw new CliError(`Missing --${option}.\n\n${helpOf(name)}`, 2);
  }
  return value.trim();
}

async function userOrThrow(database: DatabaseHandle, email: string): Promise<User> {
  const user = await findUserByEmail(database.db, email);
  if (!user) throw new CliError(`No account for ${email}. \`velocity user list\` shows who has one.`);
  return user;
}

const SYSTEM = { id: null, email: 'system' } as const;

function setupUrl(config: Config, token: string): string {
  return `${config.siteUrl}/admin/setup/${token}`;
}

async function run(name: Subcommand, args: string[], io: UserCommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      help: { type: 'boolean', short: 'h' },
      ...(name === 'list' ? {} : { email: { type: 'string' as const } }),
      ...(name === 'add'
        ? {
            role: { type: 'string' as const },
            name: { type: 'string' as const },
            locales: { type: 'string' as const },
          }
        : {}),
      ...(name === 'add' || name === 'password' ? { 'password-stdin': { type: 'boolean' as const } } : {}),
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    io.out(helpOf(name));
    return 0;
  }
  const opts = values as Record<string, string | boolean | undefined>;
  const email = name === 'list' ? '' : required(opts.email as string | undefined, 'email', name);
  let role = '';
  let locales: string[] = [];
  if (name === 'add') {
    role = required(opts.role as string | undefined, 'role', name);
    if (!(ROLES as readonly string[]).includes(role)) {
      throw new CliError(`Unknown role "${role}": use one of ${ROLES.join(', ')}.`, 2);
    }
    locales = String(opts.locales ?? '')
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean);
    const bad = locales.filter((l) => !isWellFormedLocale(l));
    if (bad.length > 0)
      throw new CliError(`Not a BCP 47 language tag: ${bad.join(', ')} (try zh, en, pt-BR).`, 2);
    if (role === 'translator' && locales.length === 0) {
      throw new CliError(
        'A translator needs --locales, the languages they translate (such as --locales en).',
        2,
      );
    }
  }
  // Read the password before touching the database, so a refused one changes nothing.
  const password =
    name === 'password' || (name === 'add' && opts['password-stdin'])
      ? await newPassword(io, opts['password-stdin'] === true)
      : null;

  const config = io.config();
  const database = await io.openDatabase(config);
  try {
    const now = io.now();
    switch (name) {
      case 'add': {
        const user = await addUser(
          database.db,
          { email, role: role as User['role'], displayName: String(opts.name ?? '').trim(), locales },
          password,
          now,
        );
        await recordAudit(
          database.db,
          {
            actor: SYSTEM,
            action: 'user.add',
            subject: { kind: 'user', id: user.id },
            summary: user.email,
            details: { via: 'velocity user add', role: user.role, locales: user.locales },
          },
          now,
        );
        if (password !== null) {
          io.out(
            `Added ${user.email} as ${user.role}. They can sign in at ${config.siteUrl}/admin/sign-in now.`,
          );
          return 0;
        }
        const token = await issueSetupToken(database.db, user.id, now);
        io.out(
          `Added ${user.email} as ${user.role}. Send them this one-time link to set a password (valid ${SETUP_LINK_HOURS} hours):\n  ${setupUrl(config, token)}`,
        );
        return 0;
      }
      case 'password': {
        const user = await userOrThrow(database, email);
        const sessions = await countUserSessions(database.db, user.id);
        await setPassword(database.db, user.id, password ?? '', now);
        await recordAudit(
          database.db,
          {
            actor: SYSTEM,
            action: 'user.password-set',
            subject: { kind: 'user', id: user.id },
            summary: user.email,
            details: { via: 'velocity user password', sessionsEnded: sessions },
          },
          now,
        );
        io.out(
          `Password set for ${user.email}; ${sessions === 1 ? '1 session' : `${sessions} sessions`} ended.${user.disabledAt ? ' The account is disabled: an owner must enable it before they can sign in.' : ''}`,
        );
        return 0;
      }
      case 'reset': {
        const user = await userOrThrow(database, email);
        const token = await issueSetupToken(database.db, user.id, now);
        await recordAudit(
          database.db,
          {
            actor: SYSTEM,
            action: 'user.reset-link',
            subject: { kind: 'user', id: user.id },
            summary: user.email,
            details: { via: 'velocity user reset' },
          },
          now,
        );
        io.out(
          `One-time link for ${user.email} to set a new password (valid ${SETUP_LINK_HOURS} hours):\n  ${setupUrl(config, token)}`,
        );
        return 0;
      }
      case 'list': {
        const users = await listUsers(database.db);
        if (users.length === 0) {
          io.out('No accounts yet. Add the first owner: velocity user add --email … --role owner');
          return 0;
        }
        const status = (u: User) =>
          u.disabledAt ? 'disabled' : u.hasPassword ? 'active' : 'no password yet';
        io.out(
          textTable([
            ['EMAIL', 'ROLE', 'NAME', 'LOCALES', 'STATUS'],
            ...users.map((u) => [u.email, u.role, u.displayName, u.locales.join(','), status(u)]),
          ]),
        );
        return 0;
      }
    }
  } catch (error) {
    // The account rules explain themselves (a taken email, a bad address): say so, exit 1.
    if (isDomainError(error)) throw new CliError(error.message);
    throw error;
  } finally {
    await database.close();
  }
}

/** `velocity user <subcommand> …`; returns the exit code (0 done, 1 refused, 2 wrong usage). */
export async function runUserCommand(args: string[], io: UserCommandIo): Promise<number> {
  const [name, ...rest] = args;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.out : io.err)(userHelp());
    return name ? 0 : 2;
  }
  if (!(name in SUBCOMMANDS)) {
    io.err(`Unknown subcommand "user ${name}".\n\n${userHelp()}`);
    return 2;
  }
  try {
    return await run(name as Subcommand, rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(error.message);
      return error.exitCode;
    }
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`${error.message}\n\n${helpOf(name as Subcommand)}`);
      return 2;
    }
    throw error;
  }
}
