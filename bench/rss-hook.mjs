// Loaded with `node --import` when /usr/bin/time is missing: records this process's peak RSS (KiB,
// worker threads included: they share the process) into the file named by LAWREPORT_BENCH_RSS.
import { writeFileSync } from 'node:fs';

process.on('exit', () => writeFileSync(process.env.LAWREPORT_BENCH_RSS, String(process.resourceUsage().maxRSS)));
