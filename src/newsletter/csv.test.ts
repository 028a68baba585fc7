import { describe, expect, it } from 'vitest';
import { CsvMalformed, csvCell, csvLine, parseCsv } from './csv.js';

describe('CSV', () => {
  it('reads quoted fields, doubled quotes, CRLF and LF, and line breaks inside quotes', () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""",\r\n\r\n"two\r\nlines",2,3\nlast,,"z"';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', ''] },
      { line: 4, fields: ['two\r\nlines', '2', '3'] },
      { line: 6, fields: ['last', '', 'z'] },
    ]);
  });

  it('refuses stray and unclosed quotes with the line', () => {
    expect(() => parseCsv('a\nb"c\n')).toThrow(CsvMalformed);
    expect(() => parseCsv('a\n"b"c\n')).toThrow(CsvMalformed);
    try {
      parseCsv('a\nb\n"never closed\n');
    } catch (error) {
      expect((error as CsvMalformed).line).toBe(3);
    }
  });

  it('quotes what needs it and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    for (const start of ['=', '+', '-', '@', '\t'])
      expect(csvCell(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`);
    expect(csvCell('\rX')).toBe('"\'\rX"');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvLine(['a', '', 'b,c'])).toBe('a,,"b,c"\r\n');
    expect(parseCsv(csvLine(['=1', 'a"b', 'x\r\ny'])).at(0)?.fields).toEqual(["'=1", 'a"b', 'x\r\ny']);
  });
});
