import { parentPort } from 'node:worker_threads';
import { builtinsHost } from '../../io/builtins-host.js';
import { Session } from '../../session.js';
import type { WorkerReply, WorkerRequest } from './pool.js';
import { runTask } from './task.js';

// A batch worker: loads the pipeline once, then runs the reports the pool sends (two at a time,
// interleaved at their awaits) until the pool closes it, all in one session (schemas, validators
// and compiled templates made once).
const session = new Session(builtinsHost());
parentPort!.on('message', async ({ index, task }: WorkerRequest) => {
  parentPort!.postMessage({ index, outcome: await runTask(task, session) } satisfies WorkerReply);
});
