// The public addresses of the newsletter's pages. The site registers its routes at these paths and
// the emails link to them, so both sides name them in one place.

/** The signup page and the form's target. */
export function signupPath(locale: string): string {
  return `/${locale}/newsletter`;
}

/** Shows a button that confirms: mail scanners follow links, so a GET must not confirm. */
export function confirmPath(locale: string, token: string): string {
  return `/${locale}/newsletter/confirm/${token}`;
}

export function preferencesPath(locale: string, token: string): string {
  return `/${locale}/newsletter/preferences/${token}`;
}

/** RFC 8058 one-click target: a POST unsubscribes, a GET shows a button. */
export function unsubscribePath(locale: string, token: string): string {
  return `/${locale}/newsletter/unsubscribe/${token}`;
}
