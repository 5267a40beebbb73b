import type { Severity } from '../../diagnostics/diagnostic.js';
import type { Formatter } from './types.js';
import { joinPath } from './paths.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

// Workflow command escaping, as @actions/core does it: data escapes %, CR, LF; properties also ":" and ",".
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * GitHub Actions workflow commands: one `::error file=…,line=…,col=…,title=…::message` line per
 * diagnostic, which the runner turns into annotations on the pull request's files.
 */
export const github: Formatter = (diagnostics, { lang, base }) =>
  diagnostics
    .map((d) => {
      const props: [string, string | number | undefined][] = d.file.startsWith('<')
        ? [] // a file of lawreport itself has no place in the repository
        : [
            ['file', joinPath(base, d.file)],
            ['line', d.line],
            ['endLine', d.line !== undefined ? d.endLine : undefined],
            ['col', d.line !== undefined ? d.column : undefined],
            ['endColumn', d.line !== undefined && d.endLine !== undefined ? d.endColumn : undefined],
          ];
      props.push(['title', `lawreport ${d.ruleId}`]);
      const text = [d.file.startsWith('<') ? `${d.file}: ${d.message[lang]}` : d.message[lang], d.hint?.[lang]].filter(Boolean).join('\n');
      const list = props.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${property(String(v))}`).join(',');
      return `::${COMMAND[d.severity]} ${list}::${data(text)}\n`;
    })
    .join('');
