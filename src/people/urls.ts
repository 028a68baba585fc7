/** An author page's address in a reader's language. */
export const authorPath = (locale: string, slug: string): string => `/${locale}/authors/${slug}`;
