import { FatalError, diag, loc } from '../diagnostics/diagnostic.js';
import type { SourceHost } from '../io/host.js';
import { parseCatalog } from '../load/catalog.js';
import type { Catalog, Profile } from '../model.js';
import { BUILTIN_PROFILES } from '../profile/builtin-names.js';
import { ProfileLoader } from '../profile/load.js';
import { builtinSchemas } from '../validate/builtin-schemas.js';

/** A built-in outline profile by name (init and import start from one), resolved and validated like a report's. */
export async function builtinProfile(builtins: SourceHost, name: string): Promise<Profile> {
  const known = (BUILTIN_PROFILES as readonly string[]).includes(name);
  const loader = new ProfileLoader({ host: builtins, builtins, metaSchema: (await builtinSchemas(builtins)).profile });
  const profile = known ? await loader.load(name) : null;
  if (!profile) {
    throw new FatalError([
      ...(profile === null
        ? [diag('profile-not-found', 'error', { file: '--profile' }, loc(`找不到内置提纲“${name}”。`, `Built-in profile "${name}" not found.`), {
            hint: loc(`内置提纲：${BUILTIN_PROFILES.join('、')}。`, `Built-in profiles: ${BUILTIN_PROFILES.join(', ')}.`),
          })]
        : []),
      ...loader.diagnostics,
    ], 2);
  }
  return profile;
}

export async function builtinCatalog(builtins: SourceHost): Promise<Catalog> {
  const file = 'schemas/metrics.catalog.yaml';
  const { catalog, diagnostics } = parseCatalog((await builtins.readText(file)) ?? '', `<lawreport>/${file}`, (await builtinSchemas(builtins)).catalog);
  if (!catalog) throw new FatalError(diagnostics);
  return catalog;
}
