import type { Photo } from '../api';
import { wallToken } from '../components/WallPage';
import { SlideOrder } from './slideOrder';

const photo = (n: number) => ({ photoId: `p${n}`, title: `${n}` }) as Photo;
const newestFirst = (...ns: number[]) => ns.map(photo);

describe('SlideOrder', () => {
  it('cycles through the photos newest to oldest, and round again', () => {
    const order = new SlideOrder();
    const photos = newestFirst(3, 2, 1);
    order.sync(photos);

    const shown: string[] = [];
    let current: string | null = null;
    for (let i = 0; i < 5; i++) {
      current = order.next(photos, current)!.photoId;
      shown.push(current);
    }
    expect(shown).toEqual(['p3', 'p2', 'p1', 'p3', 'p2']);
  });

  it('shows what arrives while it runs first, newest first, then goes on cycling', () => {
    const order = new SlideOrder();
    order.sync(newestFirst(2, 1));
    expect(order.next(newestFirst(2, 1), null)!.photoId).toBe('p2');

    const now = newestFirst(4, 3, 2, 1);
    order.sync(now);
    expect(order.hasArrivals()).toBe(true);
    expect(order.next(now, 'p2')!.photoId).toBe('p4');
    expect(order.next(now, 'p4')!.photoId).toBe('p3');
    expect(order.hasArrivals()).toBe(false);
    expect(order.next(now, 'p3')!.photoId).toBe('p2');
  });

  it('forgets a photo removed before its turn', () => {
    const order = new SlideOrder();
    order.sync(newestFirst(1));
    order.sync(newestFirst(2, 1));
    order.sync(newestFirst(1));
    expect(order.hasArrivals()).toBe(false);
    expect(order.next(newestFirst(1), null)!.photoId).toBe('p1');
    expect(order.next([], 'p1')).toBeNull();
  });
});

describe('wallToken', () => {
  it('reads the token from the fragment only', () => {
    expect(wallToken('#token=abc.def.ghi')).toBe('abc.def.ghi');
    expect(wallToken('')).toBeNull();
    expect(wallToken('#token=')).toBeNull();
  });
});
