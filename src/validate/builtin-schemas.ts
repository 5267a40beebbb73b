import type { SourceHost } from '../io/host.js';

/** The JSON Schemas shipped in schemas/: lawreport.yaml's, and the meta-schemas of profiles and catalogs. */
export interface BuiltinSchemas {
  config: object;
  profile: object;
  catalog: object;
}

const FILES: Record<keyof BuiltinSchemas, string> = {
  config: 'schemas/lawreport.schema.json',
  profile: 'schemas/profile.schema.json',
  catalog: 'schemas/catalog.schema.json',
};

// One read per package root: a batch of reports shares the parsed (and so the compiled) schemas.
const cache = new WeakMap<SourceHost, Promise<BuiltinSchemas>>();

export function builtinSchemas(builtins: SourceHost): Promise<BuiltinSchemas> {
  let found = cache.get(builtins);
  if (!found) {
    found = (async () => {
      const read = async (file: string) => {
        const read = await builtins.readText(file);
        if (read.status !== 'ok') throw new Error(`lawreport is incomplete: ${file} cannot be read (${read.status})`);
        return JSON.parse(read.value) as object;
      };
      return { config: await read(FILES.config), profile: await read(FILES.profile), catalog: await read(FILES.catalog) };
    })();
    cache.set(builtins, found);
  }
  return found;
}
