import { loc, type Diagnostic } from '../diagnostics/diagnostic.js';
import { defineDiagnostic } from '../diagnostics/definition.js';
import { found, type SourceHost } from '../io/host.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export const sourceEncoding = defineDiagnostic({
  id: 'source-encoding',
  category: 'load',
  severity: 'error',
  fixedSeverity: true,
  description: loc('源文件不是 UTF-8：GB18030/GBK 文件照常读取并给出警告，无法识别编码的文件报错。', 'A source file is not UTF-8: a GB18030/GBK file is read with a warning, a file of unknown encoding is an error.'),
  why: loc('按错误的编码读取会把整章变成乱码而不报错；git 里的比对也只有 UTF-8 才读得清。', 'Reading with the wrong encoding turns a chapter into mojibake without a word; diffs in git are readable only in UTF-8.'),
  fix: loc('用编辑器把文件另存为 UTF-8（记事本：另存为 → 编码选 UTF-8）。', 'Save the file as UTF-8 in an editor (Notepad: Save As → Encoding: UTF-8).'),
}, {
  decoded: {
    message: (d: { path: string; encoding: string }) => loc(`${d.path} 不是 UTF-8 编码，已按 ${d.encoding} 读取。`, `${d.path} is not UTF-8; it was read as ${d.encoding}.`),
    hint: loc('请把文件另存为 UTF-8（记事本“另存为”里选 UTF-8），git 里的比对才清楚。', 'Save the file as UTF-8 (Notepad: Save As → UTF-8) so diffs in git stay readable.'),
  },
  unknown: {
    message: (d: { path: string }) => loc(`无法识别 ${d.path} 的编码：既不是 UTF-8，也不是 GB18030/GBK。`, `Cannot tell the encoding of ${d.path}: it is neither UTF-8 nor GB18030/GBK.`),
    hint: loc('用编辑器把它另存为 UTF-8；若是从别处导入的报告，可用 lawreport import --encoding 指定编码。', 'Save it as UTF-8 in an editor; for a report from elsewhere, lawreport import --encoding names the encoding.'),
  },
});

/**
 * The report's files as text, never silently mis-decoded: UTF-8 (with or without BOM) is read
 * as is; a file that is not UTF-8 is tried as GB18030 (what Windows Notepad and WPS save in
 * China) with a warning, and otherwise refused with an error. Findings go to `diagnostics`.
 */
export function decodingHost(host: SourceHost, diagnostics: Diagnostic[]): SourceHost & { undecodable: Set<string> } {
  const undecodable = new Set<string>();
  return {
    root: host.root,
    readBytes: (path, limit) => host.readBytes(path, limit),
    listFiles: (dir) => host.listFiles(dir),
    undecodable,
    async readText(path, limit) {
      const bytes = await host.readBytes(path, limit);
      if (bytes.status !== 'ok') return bytes;
      try {
        return found(utf8.decode(bytes.value));
      } catch {
        // Only a file that is not UTF-8 pays for loading the GB18030 decoder.
      }
      const { decodeText } = await import('../io/decode.js');
      const decoded = decodeText(bytes.value);
      const at = { file: path, line: 1, column: 1 };
      if (decoded.ok) {
        diagnostics.push(sourceEncoding.at(at, 'decoded', { path, encoding: decoded.encoding.toUpperCase() }, { severity: 'warning' }));
        return found(decoded.text);
      }
      undecodable.add(path);
      diagnostics.push(sourceEncoding.at(at, 'unknown', { path }));
      return found('');
    },
  };
}
