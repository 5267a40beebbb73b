import type { SourceHost } from '../io/host.js';
import { parseCatalog } from '../load/catalog.js';
import type { Catalog, Profile } from '../model.js';
import { ProfileLoader } from '../profile/load.js';
import { Session } from '../session.js';

/**
 * A built-in outline profile by name (init and import start from one), resolved and validated
 * like a report's. The CLI checks the name against builtinProfileNames first, so a failure here
 * means the installation itself is broken: an internal error, not the user's.
 */
export async function builtinProfile(builtins: SourceHost, name: string, session = new Session(builtins)): Promise<Profile> {
  const loader = new ProfileLoader({ host: builtins, builtins, metaSchema: (await session.builtinSchemas()).profile, validators: session.validators });
  const profile = await loader.load(name);
  if (!profile || !loader.builtinNames.includes(name)) {
    throw new Error(`lawreport is incomplete: built-in profile ${name} cannot be loaded (${loader.diagnostics.map((d) => d.message.en).join('; ') || 'not found'})`);
  }
  return profile;
}

export async function builtinCatalog(builtins: SourceHost, session = new Session(builtins)): Promise<Catalog> {
  const file = 'schemas/metrics.catalog.yaml';
  const read = await builtins.readText(file);
  const { catalog, diagnostics } = parseCatalog(read.status === 'ok' ? read.value : '', `<lawreport>/${file}`, (await session.builtinSchemas()).catalog, undefined, session.validators);
  if (!catalog) throw new Error(`lawreport is incomplete: ${file} (${diagnostics.map((d) => d.message.en).join('; ')})`);
  return catalog;
}
