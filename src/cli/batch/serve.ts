import { parentPort, threadId } from 'node:worker_threads';
import { builtinsHost } from '../../io/builtins-host.js';
import { Session } from '../../session.js';
import { setThreadTag, stopWrites } from '../../io/atomic-write.js';
import type { WorkerReply, WorkerRequest, WorkerStop, WorkerStopped } from './pool.js';
import { runTask } from './task.js';

/**
 * A batch worker: loads the pipeline once, then runs the reports the pool sends (two at a time,
 * interleaved at their awaits) until the pool closes it, all in one session (schemas, validators
 * and compiled templates made once). `afterFirst` runs once the first report that went through
 * its command's work (not stopped early, task.ts) is done, before its outcome is sent (the code
 * cache's worker saves its cache then: src/cli/code-cache-worker.ts, which would otherwise hold no
 * renderer after a first report refused for errors): the pool ends its workers as soon as the last
 * outcome arrives, which could cut a save sent after it.
 */
export function serveBatch(afterFirst: () => void | Promise<void> = () => {}): void {
  setThreadTag(threadId);
  const session = new Session(builtinsHost());
  let first = true;
  parentPort!.on('message', async (message: WorkerRequest | WorkerStop) => {
    // Interrupted (Ctrl-C) or given up: temp files of writes in flight go, and no write goes on.
    if ('stop' in message) {
      await stopWrites();
      parentPort!.postMessage({ stopped: true } satisfies WorkerStopped);
      return;
    }
    const { index, task } = message;
    const outcome = await runTask(task, session);
    if (first && !outcome.stoppedEarly) {
      first = false;
      await afterFirst();
    }
    parentPort!.postMessage({ index, outcome } satisfies WorkerReply);
  });
}
