import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// `velocity --help` as an operator runs it: the environment table lists each variable with a
// default an operator could type back.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('velocity --help', { timeout: 60_000 }, () => {
  // Issue 11: NEWSLETTER_TIME_ZONES showed `(default: [object Object])`.
  it('writes every default as an environment value, and none for an empty one', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', '--help'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain('[object');
    const line = (name: string) =>
      result.stdout.split('\n').find((l) => l.trimStart().startsWith(`${name} `));
    expect(line('NEWSLETTER_TIME_ZONES')).toMatch(/zh=Asia\/Shanghai,en=America\/New_York\.$/);
    expect(line('NEWSLETTER_TIME_ZONES')).not.toContain('(default:');
    expect(line('NEWSLETTER_TIME_ZONE')).toMatch(/\(default: UTC\)$/);
    expect(line('PORT')).toMatch(/\(default: 3000\)$/);
  });
});
