import { readFileBounded } from '../io/node-host.js';
import { readFailure } from '../source/read.js';
import { UsageError } from './context.js';

/**
 * The bytes of a file named on the command line (`file` as the user wrote it), read bounded and
 * without blocking; otherwise a usage error (exit 2) in the words of any read failure.
 */
export async function readNamedFile(abs: string, file: string, limit?: number): Promise<Uint8Array> {
  const read = await readFileBounded(abs, limit);
  if (read.status === 'ok') return read.value;
  const why = readFailure(file, read, { file })?.message ?? { zh: `找不到文件“${file}”。`, en: `File "${file}" not found.` };
  throw new UsageError(why.zh, why.en);
}

/** A file's text, or undefined when it cannot be read (bounded and without blocking, as above). */
export async function textIfReadable(abs: string): Promise<string | undefined> {
  const read = await readFileBounded(abs);
  return read.status === 'ok' ? new TextDecoder().decode(read.value) : undefined;
}
