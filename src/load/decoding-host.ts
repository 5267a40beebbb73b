import { diag, loc, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceHost } from '../io/host.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * The report's files as text, never silently mis-decoded: UTF-8 (with or without BOM) is read
 * as is; a file that is not UTF-8 is tried as GB18030 (what Windows Notepad and WPS save in
 * China) with a warning, and otherwise refused with an error. Findings go to `diagnostics`.
 */
export function decodingHost(host: SourceHost, diagnostics: Diagnostic[]): SourceHost & { undecodable: Set<string> } {
  const undecodable = new Set<string>();
  return {
    ...host,
    root: host.root,
    readBytes: (path) => host.readBytes(path),
    listFiles: (dir) => host.listFiles(dir),
    undecodable,
    async readText(path) {
      const bytes = await host.readBytes(path);
      if (bytes === undefined) return undefined;
      try {
        return utf8.decode(bytes);
      } catch {
        // Only a file that is not UTF-8 pays for loading the GB18030 decoder.
      }
      const { decodeText } = await import('../io/decode.js');
      const decoded = decodeText(bytes);
      if (decoded.ok) {
        diagnostics.push(diag('source-encoding', 'warning', { file: path, line: 1, column: 1 }, loc(
          `${path} 不是 UTF-8 编码，已按 ${decoded.encoding.toUpperCase()} 读取。`,
          `${path} is not UTF-8; it was read as ${decoded.encoding.toUpperCase()}.`,
        ), { hint: loc('请把文件另存为 UTF-8（记事本“另存为”里选 UTF-8），git 里的比对才清楚。', 'Save the file as UTF-8 (Notepad: Save As → UTF-8) so diffs in git stay readable.') }));
        return decoded.text;
      }
      undecodable.add(path);
      diagnostics.push(diag('source-encoding', 'error', { file: path, line: 1, column: 1 }, loc(
        `无法识别 ${path} 的编码：既不是 UTF-8，也不是 GB18030/GBK。`,
        `Cannot tell the encoding of ${path}: it is neither UTF-8 nor GB18030/GBK.`,
      ), { hint: loc('用编辑器把它另存为 UTF-8；若是从别处导入的报告，可用 lawreport import --encoding 指定编码。', 'Save it as UTF-8 in an editor; for a report from elsewhere, lawreport import --encoding names the encoding.') }));
      return '';
    },
  };
}
