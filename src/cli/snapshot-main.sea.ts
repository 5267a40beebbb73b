import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString, startupSnapshot } from 'node:v8';
import { V8_FLAGS } from './v8-flags.js';
import { main } from './main.js';

/*
 * The main script of this machine's own single executable (scripts/dist.mjs, SEA `useSnapshot`).
 * It runs once, when the executable is made: it warms the CLI by checking and building a copy of
 * the example report (LAWREPORT_SNAPSHOT_WARM), and V8's heap after that — the bundle compiled,
 * the functions those runs used, the built-in schemas, templates and catalog read and parsed —
 * becomes the executable's startup snapshot. Each run of the executable starts from that heap and
 * calls the function given to setDeserializeMainFunction: what depends on the machine and the run
 * (arguments, environment, folder, signals, V8's flags, the executable's own path) is read there,
 * never at build time. bin/lawreport.js is the main script of every other executable.
 */

/** scripts/dist.mjs's banner: where the bundle's ES modules think they are (the executable). */
declare let __importMetaUrl: string;

const quiet = () => {};

/** A command's run inside the builder, quiet and colourless; anything but a clean exit fails the build. */
async function warm(example: string): Promise<void> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'lawreport-snapshot-'));
  try {
    const report = path.join(work, 'report');
    await cp(example, report, { recursive: true });
    for (const argv of [['check'], ['build', '-o', path.join(work, 'out'), '-f', 'docx,html,txt']]) {
      const errors: string[] = [];
      const code = await main({ argv, cwd: report, stdout: quiet, stderr: (text) => void errors.push(text), isTTY: false, env: { NO_COLOR: '1' } });
      if (code !== 0) throw new Error(`warming the snapshot: lawreport ${argv.join(' ')} exited ${code}\n${errors.join('')}`);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * TextDecoder while the snapshot is made. A decoder a module keeps holds a native ICU converter,
 * which a snapshot cannot carry (fflate makes one when it loads, docx's copy of fflate another:
 * V8 then stops the build at "global handle not serialized"). This one makes its real decoder
 * when first used and lets go of it before the heap is serialised (no decoder is in the middle of
 * a stream then); after the restore it makes a new one on first use. Runs get the real class.
 */
const RealTextDecoder = globalThis.TextDecoder;
type Decoder = InstanceType<typeof RealTextDecoder>;
const madeHere = new Set<SnapshotTextDecoder>();

class SnapshotTextDecoder {
  readonly #args: ConstructorParameters<typeof RealTextDecoder>;
  #real: Decoder | undefined;
  constructor(...args: ConstructorParameters<typeof RealTextDecoder>) {
    this.#args = args;
    madeHere.add(this);
  }
  #decoder(): Decoder {
    return (this.#real ??= new RealTextDecoder(...this.#args));
  }
  release(): void {
    this.#real = undefined;
  }
  get encoding(): string {
    return this.#decoder().encoding;
  }
  get fatal(): boolean {
    return this.#decoder().fatal;
  }
  get ignoreBOM(): boolean {
    return this.#decoder().ignoreBOM;
  }
  decode(...args: Parameters<Decoder['decode']>): string {
    return this.#decoder().decode(...args);
  }
}

const example = process.env.LAWREPORT_SNAPSHOT_WARM;
if (startupSnapshot.isBuildingSnapshot()) {
  globalThis.TextDecoder = SnapshotTextDecoder as unknown as typeof RealTextDecoder;
  startupSnapshot.addSerializeCallback(() => {
    for (const decoder of madeHere) decoder.release();
    madeHere.clear();
  });
  startupSnapshot.addDeserializeCallback(() => {
    globalThis.TextDecoder = RealTextDecoder;
  });
  if (example) {
    warm(example).catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
  }
}

startupSnapshot.setDeserializeMainFunction(() => {
  // As bin/lawreport.js: V8's flags are the process's, not the heap's, so they are set at each start.
  setFlagsFromString(V8_FLAGS);
  __importMetaUrl = pathToFileURL(process.execPath).href;
  // A single executable's argv: the executable, the name it was started by, then the arguments.
  void main({ argv: process.argv.slice(2), handleSignals: true }).then((code) => {
    process.exitCode = code;
  });
});
