// Preloaded (--require) into every hostile case's process: its peak resident memory, for the
// hostile table and a case's maxRssMB. maxRSS counts every thread (a batch's workers too).
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  if (process.env.HOSTILE_RSS_FILE) writeFileSync(process.env.HOSTILE_RSS_FILE, String(process.resourceUsage().maxRSS));
});
