import type { ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

/**
 * The Chrome DevTools Protocol over the pipe a browser opens with --remote-debugging-pipe: it reads
 * commands from its fd 3 and writes replies and events to its fd 4, one JSON message each, ended by
 * a NUL. No port is opened, so nothing else on the machine can talk to the browser.
 */
export interface CdpConnection {
  /** Sends a command (to a page when `sessionId` is given) and resolves with its result. */
  send<T = Record<string, unknown>>(method: string, params?: object, sessionId?: string): Promise<T>;
  /** Calls `listener` with the params of every event named `method`. */
  on(method: string, listener: (params: Record<string, unknown>, sessionId?: string) => void): void;
  /** Rejected when the browser goes away or the pipe breaks: every pending command fails with it. */
  readonly closed: Promise<never>;
}

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: unknown;
  error?: { message: string };
  sessionId?: string;
}

export function connectPipe(child: ChildProcess, describeExit: () => string): CdpConnection {
  const input = child.stdio[3] as Writable;
  const output = child.stdio[4] as Readable;
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void }>();
  const listeners = new Map<string, ((params: Record<string, unknown>, sessionId?: string) => void)[]>();
  let failure: Error | undefined;
  let failClosed: (error: Error) => void = () => {};
  const closed = new Promise<never>((_, reject) => (failClosed = reject));
  closed.catch(() => {}); // observed through send(); nobody need await it

  const fail = (error: Error) => {
    if (failure) return;
    failure = error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
    failClosed(error);
  };
  child.once('exit', () => fail(new Error(describeExit())));
  child.once('error', (error) => fail(error));
  input.on('error', (error) => fail(error));
  output.on('error', (error) => fail(error));

  // Messages arrive in chunks of any size; a NUL ends each one. Chunks are kept until their message is whole.
  let parts: Buffer[] = [];
  output.on('data', (chunk: Buffer) => {
    let start = 0;
    for (let end = chunk.indexOf(0); end >= 0; end = chunk.indexOf(0, start)) {
      parts.push(chunk.subarray(start, end));
      dispatch(JSON.parse(Buffer.concat(parts).toString('utf8')) as Message);
      parts = [];
      start = end + 1;
    }
    if (start < chunk.length) parts.push(chunk.subarray(start));
  });

  function dispatch(message: Message) {
    if (message.id !== undefined) {
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(message.error.message));
      else waiter?.resolve(message.result as never);
    } else if (message.method) {
      for (const listener of listeners.get(message.method) ?? []) listener(message.params ?? {}, message.sessionId);
    }
  }

  return {
    send<T>(method: string, params: object = {}, sessionId?: string) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: never) => void, reject });
        input.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
      });
    },
    on(method, listener) {
      listeners.set(method, [...(listeners.get(method) ?? []), listener]);
    },
    closed,
  };
}
