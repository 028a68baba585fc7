import type { ActiveSession } from '../../accounts/index.js';
import type { Translator } from '../../platform/i18n.js';

/** Per-request values the newsroom middleware sets. */
export interface NewsroomEnv {
  Variables: {
    /** Set when the request carries a valid session cookie. */
    session: ActiveSession | undefined;
    /** UI strings in the signed-in person's language (or the browser's, before sign-in). */
    t: Translator;
    /** Counts shown beside navigation entries (`/admin/review` → waiting drafts), set per page view. */
    navCounts: Record<string, number> | undefined;
  };
}
