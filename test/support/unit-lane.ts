import childProcess from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import { vi } from 'vitest';

// The unit lane stays fast because its tests never leave the process. Each door out (a database,
// a socket, a child process) throws here, naming the lane the test belongs in instead.

class OutsideUnitLane extends Error {
  constructor(what: string, where: string) {
    super(`A unit test (x.test.ts) may not ${what}: ${where} (lanes: vitest.config.ts).`);
    this.name = 'OutsideUnitLane';
  }
}

const STORE = 'name the file x.store.test.ts';
const HTTP = 'name the file x.http.test.ts';

vi.mock('better-sqlite3', () => ({
  default: class {
    constructor() {
      throw new OutsideUnitLane('open a SQLite database', STORE);
    }
  },
}));

// PostgreSQL, SMTP, HTTP and IPC clients all connect through net.Socket; servers all listen.
net.Socket.prototype.connect = () => {
  throw new OutsideUnitLane('open a socket', `for PostgreSQL ${STORE}; for HTTP, SMTP and the like ${HTTP}`);
};
net.Server.prototype.listen = () => {
  throw new OutsideUnitLane('listen on a socket', HTTP);
};

const refuseChild = () => {
  throw new OutsideUnitLane('start a child process', HTTP);
};
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const) {
  Object.assign(childProcess, { [name]: refuseChild });
}
syncBuiltinESMExports();
