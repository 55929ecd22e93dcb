import type { Photo, PhotosApi } from '../api';
import { downloadOriginal } from './downloadOriginal';

describe('downloadOriginal', () => {
  it('asks the API for the link and lets the browser follow it', async () => {
    const originalLink = vi.fn(async () => ({
      url: 'https://s3.example.com/uploads/x.jpg?X-Amz-Signature=s',
      expiresAt: 'soon',
    }));
    const followed: string[] = [];
    const photo = { photoId: 'p1', title: "Mom's 60th" } as Photo;

    await downloadOriginal({ originalLink } as unknown as PhotosApi, 'wedding', photo, (url) => followed.push(url));

    expect(originalLink).toHaveBeenCalledWith('wedding', 'p1');
    expect(followed).toEqual(['https://s3.example.com/uploads/x.jpg?X-Amz-Signature=s']);
  });
});
