/**
 * Runs at most {@code limit} uploads at once and starts the rest as others finish: a phone on a venue's network
 * gets a few steady uploads instead of many starved ones.
 */
export const MAX_UPLOADS_IN_FLIGHT = 3;

export interface UploadQueue {
  /** Runs {@code task} once a slot is free; resolves when it has finished. */
  add(task: () => Promise<unknown>): Promise<void>;
}

export function createUploadQueue(limit = MAX_UPLOADS_IN_FLIGHT): UploadQueue {
  let running = 0;
  const waiting: (() => void)[] = [];
  const startNext = () => {
    if (running < limit && waiting.length > 0) {
      running++;
      waiting.shift()!();
    }
  };
  return {
    add(task) {
      return new Promise<void>((resolve) => {
        waiting.push(() => {
          task()
            .catch(() => undefined) // a task reports its own failure
            .finally(() => {
              running--;
              resolve();
              startNext();
            });
        });
        startNext();
      });
    },
  };
}
