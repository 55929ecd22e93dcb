import { paths } from './paths';

describe('paths', () => {
  it('builds every path from one place, each id encoded', () => {
    expect(paths.photo('a b', 'p/1')).toBe('/events/a%20b/photos/p%2F1');
    expect(paths.complete('e', 'p')).toBe('/events/e/photos/p/complete');
    expect(paths.acceptInvite('e~s3cret/x')).toBe('/invites/e~s3cret%2Fx/accept');
    expect(paths.initiateUpload('e')).toBe('/events/e/photos/initiate-upload');
  });
});
