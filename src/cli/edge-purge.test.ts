import { describe, expect, it } from 'vitest';
import { createLogger } from '../platform/logger.js';
import type { ContentChange } from '../stories/index.js';
import { purgeForChanges } from './edge-purge.js';

const change = { storyIds: [4], sectionIds: [2], entityIds: [9] } as unknown as ContentChange;
const site = {
  changedTags: (c: ContentChange, options?: { taxonomy?: boolean }) => [
    ...(options?.taxonomy ? ['site'] : []),
    ...c.storyIds.map((id) => `story:${id}`),
    'shares:4',
    'front',
  ],
};
const log = createLogger('silent');

describe('purgeForChange', () => {
  it('purges the keys of the tags the change dropped here, site-wide keys for taxonomy', async () => {
    const purged: string[][] = [];
    const purge = purgeForChanges(site, { purge: async (keys) => void purged.push(keys) }, log);
    await purge(change);
    await purge(change, { taxonomy: true });
    expect(purged).toEqual([
      ['story-4', 'front'],
      ['site', 'story-4', 'front'],
    ]);
  });

  it('never rejects, and does nothing without a purger', async () => {
    const failing = purgeForChanges(site, { purge: () => Promise.reject(new Error('down')) }, log);
    await expect(failing(change)).resolves.toBeUndefined();
    await expect(purgeForChanges(site, undefined, log)(change)).resolves.toBeUndefined();
  });
});
