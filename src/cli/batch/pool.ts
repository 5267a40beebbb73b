import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { builtinsHost, batchWorker } from '../../io/builtins-host.js';
import { Session } from '../../session.js';
import { runTask, type ReportOutcome, type ReportTask } from './task.js';

export const defaultJobs = () => Math.max(1, availableParallelism());

/**
 * Reports each worker holds at once. A worker waiting on its files (reads, fsyncs) runs the other
 * one's pipeline meanwhile, so its core does not sit idle between reports.
 */
const IN_FLIGHT = 2;

/**
 * Runs the tasks on up to `jobs` worker threads (each loads the pipeline once and then takes the next
 * report as soon as one of its reports is done) and returns the outcomes in the tasks' order, whatever
 * order they finish in. With one job, or one task, everything runs in this thread: no thread to start.
 */
export async function runPool(tasks: readonly ReportTask[], jobs: number, onDone: (outcome: ReportOutcome) => void = () => {}): Promise<ReportOutcome[]> {
  const outcomes: ReportOutcome[] = new Array(tasks.length);
  const threads = Math.min(jobs, tasks.length);
  if (threads <= 1) {
    const session = new Session(builtinsHost());
    for (const [i, task] of tasks.entries()) onDone((outcomes[i] = await runTask(task, session)));
    return outcomes;
  }
  let next = 0;
  const drain = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      let running = 0;
      const feed = () => {
        if (next >= tasks.length) {
          if (running === 0) void worker.terminate().then(() => resolve(), reject);
          return;
        }
        running++;
        const index = next++;
        worker.postMessage({ index, task: tasks[index]! } satisfies WorkerRequest);
      };
      worker.on('message', ({ index, outcome }: WorkerReply) => {
        running--;
        onDone((outcomes[index] = outcome));
        feed();
      });
      worker.once('error', reject);
      for (let i = 0; i < IN_FLIGHT; i++) feed();
    });
  await Promise.all(Array.from({ length: threads }, () => drain(startWorker())));
  return outcomes;
}

/** What the pool posts to a worker, and what the worker posts back: the task's place in the batch travels with it. */
export interface WorkerRequest {
  index: number;
  task: ReportTask;
}
export interface WorkerReply {
  index: number;
  outcome: ReportOutcome;
}

function startWorker(): Worker {
  const { entry, options } = batchWorker();
  return new Worker(entry, options);
}
