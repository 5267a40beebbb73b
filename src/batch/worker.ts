import { parentPort } from 'node:worker_threads';
import { runTask, type ReportTask } from './task.js';

// A batch worker: loads the pipeline once, then runs one report per message until the pool closes it.
parentPort!.on('message', async (task: ReportTask) => {
  parentPort!.postMessage(await runTask(task));
});
