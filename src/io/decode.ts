import iconv from 'iconv-lite';

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: 'unknown' | 'invalid'; encoding?: string };

const BOMS: [bytes: number[], encoding: string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0x84, 0x31, 0x95, 0x33], 'gb18030'],
];

/**
 * Text bytes → string, never a silent mis-decode: a BOM decides; else strict UTF-8; else
 * strict GB18030 (which covers GBK and GB2312, what Windows Notepad and WPS save in China).
 * Anything else asks for --encoding. UTF-16 is recognised by its BOM (Notepad always writes one).
 */
export function decodeText(bytes: Uint8Array, encoding?: string): Decoded {
  if (encoding) return decodeAs(bytes, encoding);
  for (const [bom, name] of BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) return decodeAs(bytes.subarray(bom.length), name);
  }
  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) return { ok: true, text: utf8, encoding: 'utf-8' };
  const gb = strictGb18030(bytes);
  // A valid GB18030 byte stream can still be another code page (Big5, Shift_JIS) read wrongly:
  // a report in Chinese always uses some of its most common characters.
  if (gb !== undefined && /[的年法政府]/.test(gb)) return { ok: true, text: gb, encoding: 'gb18030' };
  return { ok: false, reason: 'unknown' };
}

function decodeAs(bytes: Uint8Array, encoding: string): Decoded {
  const name = encoding.toLowerCase().replace(/^utf8$/, 'utf-8');
  if (name === 'utf-8') {
    const text = strictUtf8(bytes);
    return text === undefined ? { ok: false, reason: 'invalid', encoding: name } : { ok: true, text, encoding: name };
  }
  if (!iconv.encodingExists(name)) return { ok: false, reason: 'unknown', encoding };
  const canonical = ['gbk', 'gb2312', 'gb18030', 'cp936'].includes(name) ? 'gb18030' : name;
  const text = canonical === 'gb18030' ? strictGb18030(bytes) : iconv.decode(Buffer.from(bytes), canonical, { stripBOM: true });
  if (text === undefined || (canonical !== 'gb18030' && text.includes('\uFFFD'))) return { ok: false, reason: 'invalid', encoding: name };
  return { ok: true, text, encoding: canonical };
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** iconv-lite has no fatal mode: a decode is strict when encoding it back gives the same bytes. */
function strictGb18030(bytes: Uint8Array): string | undefined {
  const text = iconv.decode(Buffer.from(bytes), 'gb18030');
  return Buffer.from(bytes).equals(iconv.encode(text, 'gb18030')) ? text : undefined;
}
