// The newsletter benchmark's SMTP sink, run as a child process of its own so that it does not
// share an event loop with the sender, as a real MTA would not. It accepts every message, counts
// messages and bytes, and keeps nothing. It prints `{"port":N}` on stdout once it listens; over
// the IPC channel, `{ type: 'stats' }` is answered with the counts and the sink's CPU time so far.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SinkStats {
  type: 'stats';
  messages: number;
  bytes: number;
  /** CPU time of the sink process (user + system) since it started, in microseconds. */
  cpuMicros: number;
}

let messages = 0;
let bytes = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  size: 50 * 1024 * 1024,
  onData(stream, _session, callback) {
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    stream.on('end', () => {
      messages += 1;
      callback();
    });
  },
});
// A client that goes away mid-session is not the sink's concern.
server.on('error', () => {});

process.on('message', (message: { type?: string }) => {
  if (message.type !== 'stats') return;
  const cpu = process.cpuUsage();
  const stats: SinkStats = { type: 'stats', messages, bytes, cpuMicros: cpu.user + cpu.system };
  process.send?.(stats);
});
// The parent going away (or closing the channel) ends the sink.
process.on('disconnect', () => {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 1000).unref();
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ port })}\n`);
});
