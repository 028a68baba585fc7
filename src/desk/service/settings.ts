import type { Config } from '../../platform/config.js';

/** The desk's part of the configuration, in its own terms. */
export interface DeskSettings {
  userAgent: string;
  timeoutMs: number;
  maxBodyBytes: number;
  hostConcurrency: number;
  hostDelayMs: number;
  allowHosts: string[];
  refreshMinutes: number;
  /** Fetch each new item's page for its full text. */
  fullText: boolean;
  clusterThreshold: number;
  clusterWindowDays: number;
}

export function deskSettings(config: Config): DeskSettings {
  return {
    userAgent: config.DESK_USER_AGENT ?? `CodeVelocityDesk/1.0 (+${config.siteUrl})`,
    timeoutMs: config.DESK_FETCH_TIMEOUT_MS,
    maxBodyBytes: config.DESK_MAX_BODY_BYTES,
    hostConcurrency: config.DESK_HOST_CONCURRENCY,
    hostDelayMs: config.DESK_HOST_DELAY_MS,
    allowHosts: config.DESK_ALLOW_HOSTS,
    refreshMinutes: config.DESK_REFRESH_MINUTES,
    fullText: config.DESK_FULL_TEXT,
    clusterThreshold: config.DESK_CLUSTER_THRESHOLD,
    clusterWindowDays: config.DESK_CLUSTER_WINDOW_DAYS,
  };
}
