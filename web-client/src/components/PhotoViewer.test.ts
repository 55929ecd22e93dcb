import type { Photo } from '../api';
import { slideOf } from './PhotoViewer';

describe('slideOf', () => {
  const renditions = [1920, 320, 640].map((width) => ({
    url: `https://cdn/p/w${width}.jpg`,
    webpUrl: `https://cdn/p/w${width}.webp`,
    width,
    height: (width * 3) / 4,
    bytes: 1,
    webpBytes: 1,
  }));
  const photo = { photoId: 'p', eventId: 'e', status: 'READY', createdAt: '', title: '첫 춤', renditions } as Photo;

  it('shows the 1920 rendition, with every rendition in srcset, and the title as its text alternative', () => {
    expect(slideOf(photo)).toEqual({
      src: 'https://cdn/p/w1920.jpg',
      srcset: 'https://cdn/p/w320.jpg 320w, https://cdn/p/w640.jpg 640w, https://cdn/p/w1920.jpg 1920w',
      width: 1920,
      height: 1440,
      alt: '첫 춤',
    });
  });

  it('takes the largest there is when the photo was smaller than 1920', () => {
    expect(slideOf({ ...photo, renditions: renditions.slice(1) }).src).toBe('https://cdn/p/w640.jpg');
  });
});
