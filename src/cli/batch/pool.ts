import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { builtinsHost, batchWorker } from '../../io/builtins-host.js';
import { Session } from '../../session.js';
import { onInterrupt } from '../interrupt.js';
import { crashed, runTask, timedOut, type ReportOutcome, type ReportTask } from './task.js';

export const defaultJobs = () => Math.max(1, availableParallelism());

/**
 * Reports each worker holds at once. A worker waiting on its files (reads, fsyncs) runs the other
 * one's pipeline meanwhile, so its core does not sit idle between reports.
 */
const IN_FLIGHT = 2;

/**
 * The longest one report of a batch may take before the batch gives up on it and goes on with the
 * others. Every input is capped so that the slowest report that passes the caps takes seconds
 * (README, Safety); this bound is for what no cap foresaw, so the batch still ends with its summary.
 */
export const REPORT_TIME_LIMIT_MS = 120_000;

/** How long a worker told to stop (interrupt, or a report past its time) may take to remove its temp files. */
const STOP_GRACE_MS = 1000;

export interface PoolOptions {
  timeLimitMs?: number;
  /** Starts a worker thread, its old generation capped at `heapCapMb` or not (tests pass one that misbehaves). */
  startWorker?: (heapCapMb: number | undefined) => Worker;
  /** The first workers' old-generation cap (default WORKER_OLD_GENERATION_MB). */
  heapCapMb?: number;
}

/**
 * Runs the tasks on up to `jobs` worker threads (each loads the pipeline once and then takes the next
 * report as soon as one of its reports is done) and returns the outcomes in the tasks' order, whatever
 * order they finish in. A single task runs in this thread: no thread to start, and nothing else waits
 * on it. A report that takes longer than the time limit is given up (its outcome says so), its worker
 * stopped and replaced, and the reports it held meanwhile are run again; so are the reports of a
 * worker that ran out of memory under its heap cap, in a worker without one.
 */
export async function runPool(tasks: readonly ReportTask[], jobs: number, onDone: (outcome: ReportOutcome) => void = () => {}, options: PoolOptions = {}): Promise<ReportOutcome[]> {
  const outcomes: ReportOutcome[] = new Array(tasks.length);
  if (tasks.length <= 1) {
    const session = new Session(builtinsHost());
    for (const [i, task] of tasks.entries()) onDone((outcomes[i] = await runTask(task, session)));
    return outcomes;
  }
  const limit = options.timeLimitMs ?? REPORT_TIME_LIMIT_MS;
  const start = options.startWorker ?? startWorker;
  // Capped until a report outgrows the cap; from then on every worker started is uncapped.
  let heapCap: number | undefined = options.heapCapMb ?? WORKER_OLD_GENERATION_MB;
  const queue = tasks.map((_, i) => i);
  const live = new Set<Worker>();
  let remaining = tasks.length;
  /** Workers a report was in when they were lost: a report that brings down its worker twice is given up, not retried for ever. */
  const losses = new Array<number>(tasks.length).fill(0);

  return new Promise((resolve) => {
    const settle = (index: number, outcome: ReportOutcome) => {
      if (outcomes[index]) return;
      onDone((outcomes[index] = outcome));
      if (--remaining === 0) {
        for (const worker of live) void worker.terminate();
        live.clear();
        stopListening();
        resolve(outcomes);
      }
    };

    const spawn = () => {
      const worker = start(heapCap);
      const capped = heapCap !== undefined;
      live.add(worker);
      const running = new Map<number, NodeJS.Timeout>();
      let retired = false;
      // The worker is done with: its reports still running go back to the queue, a new worker takes
      // them. `counted`: the loss counts against those reports (not when only the cap was too small).
      const retire = (counted = true) => {
        if (retired) return;
        retired = true;
        for (const [index, timer] of running) {
          clearTimeout(timer);
          if (!counted || ++losses[index]! < 2) queue.unshift(index);
          else settle(index, crashed(tasks[index]!));
        }
        running.clear();
        void stopWorker(worker).then(() => live.delete(worker));
        if (remaining > 0 && queue.length > 0) spawn();
      };
      const feed = () => {
        while (!retired && running.size < IN_FLIGHT && queue.length > 0) {
          const index = queue.shift()!;
          running.set(index, setTimeout(() => {
            running.delete(index);
            settle(index, timedOut(tasks[index]!, limit));
            retire();
          }, limit));
          worker.postMessage({ index, task: tasks[index]! } satisfies WorkerRequest);
        }
      };
      worker.on('message', (reply: WorkerReply | WorkerStopped) => {
        if ('stopped' in reply || retired) return;
        clearTimeout(running.get(reply.index));
        running.delete(reply.index);
        settle(reply.index, reply.outcome);
        feed();
      });
      // A worker that fails as a thread (out of memory, a crash in native code): its reports are run
      // again by another. Out of memory under the cap: by an uncapped one, and it is no loss.
      const lost = (error?: unknown) => {
        if (retired || remaining === 0) return;
        const outgrewCap = capped && (error as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
        if (outgrewCap) heapCap = undefined;
        retire(!outgrewCap);
      };
      worker.once('error', lost);
      worker.once('exit', () => lost());
      feed();
    };

    // Ctrl-C: every worker removes its temp files before the process ends.
    const stopListening = onInterrupt(async () => {
      await Promise.all([...live].map((worker) => stopWorker(worker)));
    });
    for (let i = 0; i < Math.min(jobs, tasks.length); i++) spawn();
  });
}

/** Asks a worker to remove its temp files and waits for its word (at most STOP_GRACE_MS), then ends it. */
function stopWorker(worker: Worker): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      void worker.terminate().then(() => resolve(), () => resolve());
    };
    const timer = setTimeout(done, STOP_GRACE_MS);
    worker.on('message', (reply: WorkerReply | WorkerStopped) => {
      if ('stopped' in reply) done();
    });
    try {
      worker.postMessage({ stop: true } satisfies WorkerStop);
    } catch {
      done();
    }
  });
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
/** Stop: remove the temp files of writes in flight and start no other (see stopWrites). */
export interface WorkerStop {
  stop: true;
}
export interface WorkerStopped {
  stopped: true;
}

/**
 * Each worker's old generation, at first: with incremental marking off (bin/lawreport.js), V8 lets a
 * worker's heap grow by promotion to ≈ 53 MB with no major GC, though ≈ 15 MB of it is live after a
 * typical report; a cap makes V8 collect before it. Batch of 100: 245 → 216 MB peak RSS for ≈ 1 %
 * more CPU in mark-compacts (bench/README.md, "The workers' old generation capped"). A legal report
 * may need hundreds of MB (bench/caps.mjs): the first one that outgrows the cap ends its worker out
 * of memory, and it and every report after it run in uncapped workers (runPool), so the cap costs
 * such a batch one report's rerun, never a report.
 */
export const WORKER_OLD_GENERATION_MB = 48;

/**
 * Each worker's young generation (V8's semi-spaces, here 2 × 8 MB and room for large objects):
 * half of V8's default (16 MB semi-spaces), which a worker fills with the garbage of the reports
 * it interleaves and keeps committed. Set at the isolate's creation, as only a worker's heap can
 * be (bin/lawreport.js cannot size the main thread's): batch of 100 ≈ −16 MB peak RSS at no
 * measurable CPU; smaller sizes cost CPU (bench/README.md, "Peak memory of large reports and of
 * the batch").
 */
const WORKER_YOUNG_GENERATION_MB = 24;

function startWorker(heapCapMb: number | undefined): Worker {
  const { entry, options } = batchWorker();
  const old = heapCapMb === undefined ? {} : { maxOldGenerationSizeMb: heapCapMb };
  return new Worker(entry, { ...options, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB, ...old, ...options.resourceLimits } });
}
