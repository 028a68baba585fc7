// What the newsletter benchmark hands its worker processes and what they hand back.
import type { SendTally } from '../src/newsletter/sending/index.js';

export type DatabaseTarget = { sqliteFile: string } | { databaseUrl: string; pgSchema: string };

export interface SendJob {
  kind: 'send';
  database: DatabaseTarget;
  smtpUrl: string;
  dataDir: string;
  poolSize: number;
  locales: string[];
  /** The clock's reading when the process starts; it runs on from there. */
  startAt: string;
  secret: string;
  siteUrl: string;
  dkim?: { domain: string; privateKeyPem: string };
}

export interface RawJob {
  kind: 'raw';
  smtpUrl: string;
  poolSize: number;
  /** Files of whole messages with TO_PLACEHOLDER and MESSAGE_ID_PLACEHOLDER in their headers. */
  templates: string[];
  messages: number;
  from: string;
  domains: number;
}

export type WorkerJob = SendJob | RawJob;

export interface MemoryFigures {
  /** After start-up (modules loaded, deps built), before the measured work. */
  startRssBytes: number;
  peakRssBytes: number;
  peakHeapUsedBytes: number;
  /**
   * The most heap in use right after a forced full collection (every 2 s) during the measured
   * phase: what the work holds on to, as against garbage the collector had not yet reached.
   */
  peakLiveHeapBytes: number;
  /** Heap used after a full collection at the end of the measured phase: what the work kept. */
  retainedHeapBytes: number;
  /** The measured phase on the monotonic clock CPU profiles use (process.hrtime), in microseconds. */
  windowMicros: [number, number];
}

export interface SendResult extends MemoryFigures {
  kind: 'send';
  planned: number;
  planSeconds: number;
  planPeakRssBytes: number;
  sendSeconds: number;
  sendCpuSeconds: number;
  tally: SendTally;
  /** When not every planned delivery went out: the first error recorded on one. */
  firstError?: string;
}

export interface RawResult extends MemoryFigures {
  kind: 'raw';
  sent: number;
  seconds: number;
  cpuSeconds: number;
}

export type WorkerResult = SendResult | RawResult;

/** The recipient of a captured template, replaced in each raw message (the To header). */
export const TO_PLACEHOLDER = 'bench-recipient@placeholder.example';
/** The Message-ID of a captured template, angle brackets included, replaced in each raw message. */
export const MESSAGE_ID_PLACEHOLDER = '<bench-message-id@placeholder.example>';
