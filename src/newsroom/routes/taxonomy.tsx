import type { Hono } from 'hono';
import type { NewsroomDeps } from '../deps.js';
import type { NewsroomEnv } from '../http/env.js';

/** The admin's taxonomy pages (to be built). */
export function taxonomyRoutes(_app: Hono<NewsroomEnv>, _deps: NewsroomDeps): void {}
