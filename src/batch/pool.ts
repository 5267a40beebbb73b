import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../paths.js';
import { runTask, type ReportOutcome, type ReportTask } from './task.js';

/**
 * The worker entry beside this module: lib/worker.js in the bundle, lib/batch/worker.js in tsc's
 * output. Tests run this file from src/, where threads still need the compiled JavaScript.
 */
const WORKER = import.meta.url.endsWith('.ts') ? path.join(packageRoot, 'lib', 'batch', 'worker.js') : fileURLToPath(new URL('./worker.js', import.meta.url));

export const defaultJobs = () => Math.max(1, availableParallelism());

/**
 * Runs the tasks on up to `jobs` worker threads (each loads the pipeline once and then takes the next
 * report as soon as it is free) and returns the outcomes in the tasks' order, whatever order they
 * finish in. With one job, or one task, everything runs in this thread: no thread to start.
 */
export async function runPool(tasks: readonly ReportTask[], jobs: number, onDone: (outcome: ReportOutcome) => void = () => {}): Promise<ReportOutcome[]> {
  const outcomes: ReportOutcome[] = new Array(tasks.length);
  const threads = Math.min(jobs, tasks.length);
  if (threads <= 1) {
    for (const [i, task] of tasks.entries()) onDone((outcomes[i] = await runTask(task)));
    return outcomes;
  }
  let next = 0;
  const drain = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      let current = -1;
      const feed = () => {
        if (next >= tasks.length) return void worker.terminate().then(() => resolve(), reject);
        current = next++;
        worker.postMessage(tasks[current]);
      };
      worker.on('message', (outcome: ReportOutcome) => {
        onDone((outcomes[current] = outcome));
        feed();
      });
      worker.once('error', reject);
      feed();
    });
  await Promise.all(Array.from({ length: threads }, () => drain(new Worker(WORKER))));
  return outcomes;
}
