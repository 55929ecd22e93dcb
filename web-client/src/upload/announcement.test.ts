import { uploadAnnouncement } from './announcement';
import type { UploadEntry } from './uploadEntry';

const entry = (name: string, change: Partial<UploadEntry>): UploadEntry => ({
  id: name,
  file: new File(['x'], name, { type: 'image/png' }),
  title: name,
  description: '',
  state: 'pending',
  progress: 0,
  ...change,
});

describe('uploadAnnouncement', () => {
  it('says nothing before an upload starts', () => {
    expect(uploadAnnouncement([entry('a.png', {})])).toBe('');
  });

  it('counts the finished uploads among the started ones', () => {
    expect(
      uploadAnnouncement([
        entry('a.png', { state: 'ready' }),
        entry('b.png', { state: 'ready' }),
        entry('c.png', { state: 'uploading' }),
      ]),
    ).toBe('2 of 3 photos uploaded');
  });

  it('names the newest failure and its reason', () => {
    expect(
      uploadAnnouncement([
        entry('a.png', { state: 'ready' }),
        entry('b.png', { state: 'failed', error: 'rejected: not a image/png image' }),
      ]),
    ).toBe('1 of 2 photos uploaded; b.png failed: rejected: not a image/png image');
  });
});
