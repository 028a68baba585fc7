import { eld } from 'eld/medium';
import { describe, expect, it } from 'vitest';
import { loadThroughJson, parseNgramFile } from './eld-loader.js';

describe('parseNgramFile', () => {
  it('reads bare keys, single-quoted strings with escapes, and shares equal score objects', () => {
    const source = `/* header */\nexport const ngramsData = {type:'M60',languages:{0:'am',1:'ar'},ngrams:{' "a\\'b ':{0:52,1:7},L_VL:{1:3},'x,{0:1}:z':{0:52,1:7}}};`;
    const data = parseNgramFile(source);
    expect(data).toEqual({
      type: 'M60',
      languages: { 0: 'am', 1: 'ar' },
      ngrams: { ' "a\'b ': { 0: 52, 1: 7 }, L_VL: { 1: 3 }, 'x,{0:1}:z': { 0: 52, 1: 7 } },
    });
    expect(data.ngrams[' "a\'b ']).toBe(data.ngrams['x,{0:1}:z']);
  });

  it('refuses escapes it does not understand rather than guess', () => {
    expect(() => parseNgramFile(`export const ngramsData = {ngrams:{'\\n':{0:1}}}`)).toThrow(/escape/);
  });
});

describe('loadThroughJson', () => {
  it('detects with the same languages and scores as the package’s own medium instance', async () => {
    const loaded = await loadThroughJson();
    const reference = eld.newInstance();
    for (const instance of [loaded, reference]) instance.enableTextCleanup(true);
    const samples = [
      'The quick brown fox jumps over the lazy dog near the river bank',
      'Der schnelle braune Fuchs springt über den faulen Hund am Fluss',
      'Le renard brun rapide saute par-dessus le chien paresseux',
      'El zorro marrón salta sobre el perro perezoso',
      '英伟达的 H100、Blackwell 和 CUDA 都领先',
      'これは日本語の文章です。',
      '엔비디아는 새로운 칩을 발표했다',
      'Llama 3.1 405B, Mixtral 8x22B and friends',
    ];
    for (const text of samples) {
      const [ours, theirs] = [loaded.detect(text), reference.detect(text)];
      expect({ text, language: ours.language, scores: ours.getScores() }).toEqual({
        text,
        language: theirs.language,
        scores: theirs.getScores(),
      });
    }
    expect(loaded.info()).toEqual(reference.info());
  });
});
