import type { Photo } from './api';

/** Newest first, one entry per photo, whatever order pages and fresh uploads arrive in. */
export function mergeNewestFirst(current: Photo[], incoming: Photo[]): Photo[] {
  const byId = new Map(current.map((p) => [p.photoId, p]));
  incoming.forEach((p) => byId.set(p.photoId, p));
  return [...byId.values()].sort(
    (a, b) => b.createdAt.localeCompare(a.createdAt) || b.photoId.localeCompare(a.photoId),
  );
}
