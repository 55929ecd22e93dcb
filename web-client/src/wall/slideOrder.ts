import type { Photo } from '../api';

/**
 * Which photo the wall shows next: a photo that arrived while the wall runs comes first (the newest of them
 * first), otherwise the wall cycles through the event's photos, newest to oldest and round again. It keeps ids
 * only, bounded by what the listing holds, so a wall that runs for hours does not grow.
 */
export class SlideOrder {
  private known = new Set<string>();
  private arrived: string[] = [];
  private cursor = -1;
  private started = false;

  /** Tell it the photos the wall has now (newest first); ones it has not seen before, after the first call, are new. */
  sync(photos: Photo[]): void {
    const ids = new Set(photos.map((p) => p.photoId));
    if (this.started) {
      const fresh = photos.filter((p) => !this.known.has(p.photoId)).map((p) => p.photoId);
      this.arrived = [...fresh, ...this.arrived.filter((id) => !fresh.includes(id))];
    }
    this.arrived = this.arrived.filter((id) => ids.has(id));
    this.known = ids;
    this.started = true;
  }

  /** The next photo to show, or null when there is none. */
  next(photos: Photo[], current: string | null): Photo | null {
    if (photos.length === 0) return null;
    const byId = new Map(photos.map((p) => [p.photoId, p]));
    while (this.arrived.length > 0) {
      const id = this.arrived.shift()!;
      if (byId.has(id)) {
        this.cursor = photos.findIndex((p) => p.photoId === id);
        return byId.get(id)!;
      }
    }
    if (current) {
      const at = photos.findIndex((p) => p.photoId === current);
      if (at >= 0) this.cursor = at;
    }
    this.cursor = (this.cursor + 1) % photos.length;
    return photos[this.cursor];
  }

  /** Whether something arrived that should be shown now, not at the next turn. */
  hasArrivals(): boolean {
    return this.arrived.length > 0;
  }
}

/** The largest rendition's URL: what a projector shows. */
export function largestUrl(photo: Photo): string {
  const renditions = photo.renditions ?? [];
  return renditions.length > 0 ? renditions[renditions.length - 1].url : (photo.url ?? '');
}
