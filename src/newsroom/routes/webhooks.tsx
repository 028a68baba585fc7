import type { Hono } from 'hono';
import type { NewsroomDeps } from '../deps.js';
import type { NewsroomEnv } from '../http/env.js';

/** The admin's webhooks pages (to be built). */
export function webhooksRoutes(_app: Hono<NewsroomEnv>, _deps: NewsroomDeps): void {}
