// A digest is rendered once per list and sent to every subscriber on it; only these two links
// differ per subscriber, so they are left as markers and filled in per message.

export const PREFERENCES_URL_PLACEHOLDER = '__VELOCITY_PREFERENCES_URL__';
export const UNSUBSCRIBE_URL_PLACEHOLDER = '__VELOCITY_UNSUBSCRIBE_URL__';
