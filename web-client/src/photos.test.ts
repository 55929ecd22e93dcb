import type { Photo } from './api';
import { mergeNewestFirst } from './photos';

function photo(id: string, createdAt: string): Photo {
  return { photoId: id, eventId: 'e', status: 'READY', createdAt, title: id };
}

describe('mergeNewestFirst', () => {
  it('keeps one entry per photo, newest first', () => {
    const merged = mergeNewestFirst(
      [photo('a', '2026-01-01T00:00:00.000Z'), photo('b', '2026-01-02T00:00:00.000Z')],
      [photo('c', '2026-01-03T00:00:00.000Z'), photo('a', '2026-01-01T00:00:00.000Z')],
    );
    expect(merged.map((p) => p.photoId)).toEqual(['c', 'b', 'a']);
  });
});
