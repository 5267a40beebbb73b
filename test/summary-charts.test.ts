/**
 * The district summary's page lays out its charts first and has them drawn afterwards: in this
 * thread, or shared out among a batch's workers (src/cli/batch/chart-workers.ts). The page must be
 * the same bytes whoever drew which chart, in whatever order, and a worker that fails to draw its
 * share must cost nothing but time.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { chartWorkers } from '../src/cli/batch/chart-workers.js';
import { batchWorker } from '../src/io/builtins-host.js';
import { runTask } from '../src/cli/batch/task.js';
import { renderSummaryHtml } from '../src/summary/html.js';
import { summaryInput, type SummaryInput } from '../src/summary/input.js';
import { generateDistrict } from './district.js';

describe('the summary page, whoever draws its charts', () => {
  let input: SummaryInput;
  let page: string;
  beforeAll(async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'lawreport-summary-charts-'));
    const towns = await generateDistrict(root, 6);
    const outcomes = [];
    for (const town of towns) outcomes.push(await runTask({ command: 'check', cwd: root, dir: town.folder, lang: 'zh', env: {}, record: true }));
    input = summaryInput(outcomes.map((o) => o.record!), { lang: 'zh', version: '0.0.0-test' });
    page = Buffer.from(await renderSummaryHtml(input)).toString('utf8');
  }, 60_000);

  it('has its charts (one per figure and the compliance grid), their classes renamed in order', () => {
    expect(page.match(/<svg/g)!.length).toBeGreaterThan(10);
    expect(page).not.toContain('<lawreport-chart');
    expect(page).not.toMatch(/zr\d+-cls-/);
    expect(page).toMatch(/class="c0"/);
  });

  it('is the same bytes when two batch workers draw the charts', async () => {
    const { entry, options } = batchWorker();
    const workers = chartWorkers([new Worker(entry, options), new Worker(entry, options)]);
    try {
      expect(Buffer.from(await renderSummaryHtml(input, workers.draw)).toString('utf8')).toBe(page);
    } finally {
      await workers.end();
    }
  }, 60_000);

  it('is the same bytes when a worker dies instead of drawing: its share is drawn in this thread', async () => {
    const dies = new Worker(`require('node:worker_threads').parentPort.on('message', () => process.exit(1));`, { eval: true });
    const workers = chartWorkers([dies]);
    try {
      expect(Buffer.from(await renderSummaryHtml(input, workers.draw)).toString('utf8')).toBe(page);
    } finally {
      await workers.end();
    }
  });
});
