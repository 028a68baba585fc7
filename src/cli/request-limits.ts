import { MAX_BODY_BYTES as API_MAX_BODY_BYTES } from '../api/index.js';
import { MAX_WEBHOOK_BODY_BYTES, NEWSLETTER_WEBHOOKS_PATH } from '../newsletter/index.js';
import type { Config } from '../platform/config.js';
import type { BodyLimitRule } from '../platform/http/body-limit.js';

const KiB = 1024;
const MiB = 1024 * KiB;

/** Room for the multipart framing and the small fields around an uploaded file. */
const UPLOAD_FORM_OVERHEAD_BYTES = 64 * KiB;

/**
 * The most each family of routes reads from a request body, in one place: the first rule whose
 * path matches applies, and the last one covers everything else. A body over its limit is answered
 * 413 before it is read whole. The README's table of limits follows this list.
 */
export function bodyLimits(config: Config): BodyLimitRule[] {
  return [
    { family: 'Content API and Admin API', path: '/api/', maxBytes: API_MAX_BODY_BYTES },
    {
      family: 'Newsletter bounce and complaint webhooks',
      path: `${NEWSLETTER_WEBHOOKS_PATH}/`,
      maxBytes: MAX_WEBHOOK_BODY_BYTES,
    },
    {
      family: 'Admin media uploads',
      path: '/admin/media/upload',
      maxBytes: config.MEDIA_MAX_UPLOAD_BYTES + UPLOAD_FORM_OVERHEAD_BYTES,
    },
    // Story editor forms with long bodies, and the 1 MiB CSV and OPML imports.
    { family: 'Admin forms and imports', path: '/admin/', maxBytes: 2 * MiB },
    // The page's script sends `{"network": …}`, a few bytes.
    { family: 'Share counter', path: '/share/', maxBytes: 1 * KiB },
    // Signup, confirm, preferences, unsubscribe: an address and a few topic boxes.
    { family: 'Newsletter forms on the site', path: /^\/[^/]+\/newsletter(?:\/|$)/, maxBytes: 16 * KiB },
    // Pages, previews, feeds and files take no body; a small one still reaches the route (405).
    { family: 'Everything else', path: '/', maxBytes: 1 * KiB },
  ];
}
