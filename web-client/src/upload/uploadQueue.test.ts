import { createUploadQueue } from './uploadQueue';

describe('createUploadQueue', () => {
  it('runs at most the limit at once and starts the rest as others finish', async () => {
    const queue = createUploadQueue(2);
    let running = 0;
    let most = 0;
    const finishers: (() => void)[] = [];
    const task = () =>
      new Promise<void>((resolve) => {
        running++;
        most = Math.max(most, running);
        finishers.push(() => {
          running--;
          resolve();
        });
      });

    const all = Promise.all([queue.add(task), queue.add(task), queue.add(task), queue.add(task), queue.add(task)]);
    await Promise.resolve();
    expect(running).toBe(2);
    while (finishers.length > 0) {
      finishers.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    }
    await all;

    expect(most).toBe(2);
    expect(running).toBe(0);
  });

  it('goes on with the next task when one fails', async () => {
    const queue = createUploadQueue(1);
    const ran: string[] = [];

    await Promise.all([
      queue.add(async () => {
        throw new Error('boom');
      }),
      queue.add(async () => {
        ran.push('second');
      }),
    ]);

    expect(ran).toEqual(['second']);
  });
});
