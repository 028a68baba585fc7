import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/database.js';
import { containsText, likeContaining } from './contains-text.js';

describe('likeContaining', () => {
  it.each([
    ['plain text, lower-cased', 'ÉCOLE', '%école%'],
    ['percent and underscore stand for themselves', '100%_x', '%100\\%\\_x%'],
    ['the escape character stands for itself', 'a\\b', '%a\\\\b%'],
    ['Chinese is left as it is', '英伟达', '%英伟达%'],
  ])('%s', (_, text, pattern) => {
    expect(likeContaining(text)).toBe(pattern);
  });
});

const TITLES = [
  'École ouverte',
  'ÄPFEL und Birnen',
  'Ärger',
  '英伟达发布新芯片',
  '100% sure',
  '1000 ways',
  'a_b',
  'axb',
  'C:\\path',
];

describe.each(DIALECTS)('containsText on %s', (dialect) => {
  let database: TestDatabase;
  let db: Kysely<{ samples: { id: number; title: string } }>;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    db = database.db as never;
    await db.schema.createTable('samples').addColumn('id', 'integer').addColumn('title', 'text').execute();
    await db
      .insertInto('samples')
      .values(TITLES.map((title, id) => ({ id, title })))
      .execute();
  });
  afterAll(() => database.destroy());

  const matches = async (text: string) =>
    (
      await db
        .selectFrom('samples')
        .select('title')
        .where(containsText(db, 'title', text))
        .orderBy('id')
        .execute()
    ).map((r) => r.title);

  it.each<[string, string[]]>([
    ['ÉCOLE', ['École ouverte']],
    ['école', ['École ouverte']],
    ['Ä', ['ÄPFEL und Birnen', 'Ärger']],
    ['äpfel', ['ÄPFEL und Birnen']],
    ['伟达', ['英伟达发布新芯片']],
    ['0%', ['100% sure']],
    ['a_b', ['a_b']],
    ['C:\\', ['C:\\path']],
    ['%', ['100% sure']],
  ])('finds %s in any case, and nothing else', async (text, expected) => {
    expect(await matches(text)).toEqual(expected);
  });

  it('lower-cases the column in the database, not only in ASCII', async () => {
    const lowered = (
      await sql<{
        v: string;
      }>`select ${sql.raw(dialect === 'sqlite' ? 'unicode_lower' : 'lower')}('ÉCOLE Ä') as v`.execute(db)
    ).rows[0]?.v;
    expect(lowered).toBe('école ä');
  });
});
