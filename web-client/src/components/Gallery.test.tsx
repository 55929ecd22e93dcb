import type { ComponentProps } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Photo } from '../api';
import { Gallery, gridRenditions } from './Gallery';

function photo(id: string, createdAt: string): Photo {
  return { photoId: id, eventId: 'e', status: 'READY', createdAt, title: id };
}

/** Opens a photo's actions menu (keyboard, as Radix's menu does in jsdom) and picks one item. */
async function choose(title: string, item: string, absent: string[] = []) {
  const user = userEvent.setup();
  screen.getByRole('button', { name: `Actions for ${title}` }).focus();
  await user.keyboard('{Enter}');
  const wanted = await screen.findByRole('menuitem', { name: item });
  absent.forEach((name) => expect(screen.queryByRole('menuitem', { name })).toBeNull());
  await user.click(wanted);
}

describe('Gallery', () => {
  const renditions = [320, 640, 1920].map((width) => ({
    url: `https://cdn/photos/e/p/w${width}.jpg`,
    width,
    height: (width * 3) / 4,
    bytes: width * 10,
    webpUrl: `https://cdn/photos/e/p/w${width}.webp`,
    webpBytes: width * 7,
  }));
  const ready: Photo = { ...photo('p', '2026-01-01T00:00:00.000Z'), url: renditions[2].url, renditions };

  /** A loaded gallery of {@code photos}, with what the page lets the user do. */
  function renderGallery(photos: Photo[], actions: Partial<ComponentProps<typeof Gallery>>) {
    return render(
      <Gallery photos={photos} error={null} loading={false} hasMore={false} onLoadMore={() => {}} {...actions} />,
    );
  }

  it('puts the 320 and 640 renditions in srcset, WebP first, and links the largest, never the original', () => {
    const { container } = render(
      <Gallery photos={[ready]} error={null} loading={false} hasMore={false} onLoadMore={() => {}} />,
    );
    const img = screen.getByRole('img');
    expect(img).toHaveAttribute('src', renditions[0].url);
    expect(img).toHaveAttribute('srcset', `${renditions[0].url} 320w, ${renditions[1].url} 640w`);
    expect(img.getAttribute('srcset')).not.toContain('w1920');
    const webp = container.querySelector('source[type="image/webp"]');
    expect(webp).toHaveAttribute('srcset', `${renditions[0].webpUrl} 320w, ${renditions[1].webpUrl} 640w`);
    expect(screen.getByRole('link')).toHaveAttribute('href', renditions[2].url);
  });

  it('offers the original only to whoever the caller says may have it, named by its visible text', async () => {
    const mine = { ...ready, photoId: 'mine', title: 'mine', uploadedBy: 'me' };
    const theirs = { ...ready, photoId: 'theirs', title: 'theirs', uploadedBy: 'someone' };
    const asked: string[] = [];
    renderGallery([mine, theirs], {
      canDownloadOriginal: (p) => p.uploadedBy === 'me',
      onDownloadOriginal: (p) => asked.push(p.photoId),
    });

    expect(screen.queryByRole('button', { name: 'Actions for theirs' })).toBeNull();
    await choose('mine', 'Download original');
    expect(asked).toEqual(['mine']);
  });

  it('offers delete only where the caller says the user may, and hide/show to owners', async () => {
    const mine = { ...ready, photoId: 'mine', title: 'mine', uploadedBy: 'me' };
    const theirs = { ...ready, photoId: 'theirs', title: 'theirs', uploadedBy: 'someone', hidden: true };
    const deleted: string[] = [];
    const hidden: [string, boolean][] = [];
    renderGallery([mine, theirs], {
      canDelete: (p) => p.uploadedBy === 'me',
      canHide: true,
      onDelete: (p) => deleted.push(p.photoId),
      onHide: (p, h) => hidden.push([p.photoId, h]),
    });

    await choose('mine', 'Delete');
    await choose('theirs', 'Show', ['Delete']); // theirs: not the user's to delete
    await choose('mine', 'Hide');

    expect(deleted).toEqual(['mine']);
    expect(hidden).toEqual([
      ['theirs', false],
      ['mine', true],
    ]);
    expect(screen.getByText('Hidden from guests')).toBeInTheDocument();
  });

  it('shows no actions to a viewer', () => {
    render(<Gallery photos={[ready]} error={null} loading={false} hasMore={false} onLoadMore={() => {}} />);
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });

  it('uses the smallest rendition when a small original has no 320 or 640 one', () => {
    const small = {
      url: 'https://cdn/photos/e/p/w200.jpg',
      width: 200,
      height: 150,
      bytes: 900,
      webpUrl: 'https://cdn/photos/e/p/w200.webp',
      webpBytes: 600,
    };
    expect(gridRenditions({ ...ready, renditions: [small] })).toEqual([small]);
  });
});
