/**
 * A writer for the process's stdout or stderr that outlives its reader: `lawreport check | head -1`
 * closes the pipe after one line, and a write to it then fails (EPIPE) on a later tick, as an
 * 'error' event nobody handles: a stack trace and exit code 1. Here that error only marks the
 * stream closed; later writes are dropped, and the run ends with the exit code it would have had.
 */
export function streamWriter(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED' || error.code === 'EOF') closed = true;
    else throw error;
  });
  return (text) => {
    if (!closed && !stream.destroyed) stream.write(text);
  };
}
