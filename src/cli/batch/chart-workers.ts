import type { Worker } from 'node:worker_threads';
import { chartCost, type ChartDrawer, type ChartSpec } from '../../summary/chart-spec.js';
import { drawCharts } from '../../summary/formats.js';
import type { WorkerDraw, WorkerDrawn } from './pool.js';

/**
 * The district summary's charts drawn by the batch's workers, kept after their last report (the
 * pool's keepWorkers), while this thread writes the workbook: on two cores the summary after the
 * pool was one core's work with the other idle. Each worker gets a share of the charts (costliest
 * first, to the least loaded); a share a worker fails to draw (it died, its renderer failed) is
 * drawn in this thread. No workers (a batch of one report): all drawn here.
 */
export function chartWorkers(workers: readonly Worker[]): { draw: ChartDrawer; end(): Promise<void> } {
  let asked = 0;
  const drawOn = (worker: Worker, specs: ChartSpec[]): Promise<string[]> =>
    new Promise<string[] | undefined>((resolve) => {
      const id = asked++;
      const answered = (reply: WorkerDrawn | object) => {
        if (!('drawn' in reply) || reply.id !== id) return;
        done(reply.drawn);
      };
      const lost = () => done(undefined);
      const done = (drawn: string[] | undefined) => {
        worker.off('message', answered);
        worker.off('exit', lost);
        worker.off('error', lost);
        worker.unref();
        resolve(drawn);
      };
      // Kept workers are unref'd (pool.ts); while one draws, the process waits for its answer.
      worker.ref();
      worker.on('message', answered);
      worker.once('exit', lost);
      worker.once('error', lost);
      try {
        worker.postMessage({ draw: specs, id } satisfies WorkerDraw);
      } catch {
        lost();
      }
    }).then((drawn) => drawn ?? drawCharts(specs));

  const draw: ChartDrawer = async (specs) => {
    if (workers.length === 0 || specs.length === 0) return drawCharts(specs);
    const shares = workers.map(() => ({ places: [] as number[], cost: 0 }));
    for (const i of specs.map((_, i) => i).sort((a, b) => chartCost(specs[b]!) - chartCost(specs[a]!))) {
      const share = shares.reduce((least, s) => (s.cost < least.cost ? s : least));
      share.places.push(i);
      share.cost += chartCost(specs[i]!);
    }
    const svgs = new Array<string>(specs.length);
    await Promise.all(
      shares.map(async (share, w) => {
        const drawn = await drawOn(workers[w]!, share.places.map((i) => specs[i]!));
        share.places.forEach((place, k) => (svgs[place] = drawn[k]!));
      }),
    );
    return svgs;
  };
  return { draw, end: async () => void (await Promise.all(workers.map((worker) => worker.terminate()))) };
}
