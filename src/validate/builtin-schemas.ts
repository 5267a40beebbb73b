import type { SourceHost } from '../io/host.js';
import type { Validators } from './schema.js';

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

/** Reads the package's schemas through its host, each with its precompiled validator made ready. */
export async function readBuiltinSchemas(builtins: SourceHost, validators: Validators): Promise<BuiltinSchemas> {
  const read = async (file: string) => {
    const text = await builtins.readText(file);
    if (text.status !== 'ok') throw new Error(`lawreport is incomplete: ${file} cannot be read (${text.status})`);
    const schema = JSON.parse(text.value) as object;
    await validators.prepare(schema);
    return schema;
  };
  const [config, profile, catalog] = await Promise.all([read(FILES.config), read(FILES.profile), read(FILES.catalog)]);
  return { config, profile, catalog };
}
