/** An image's alt text and credit in one language; the media row's own credit is the fallback. */
export interface MediaTextsTable {
  media_id: number;
  locale: string;
  alt: string;
  credit: string;
  updated_at: string;
}

export interface MediaTables {
  media_texts: MediaTextsTable;
}
