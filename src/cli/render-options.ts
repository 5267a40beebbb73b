import { precompiledDocxParts } from '../io/builtins-host.js';
import type { RenderOptions } from '../render/registry.js';

/** The one place the environment reaches the renderers: read at the edge, passed down as options. */
export function renderOptions(env: NodeJS.ProcessEnv): RenderOptions {
  return {
    ...(env.SOURCE_DATE_EPOCH !== undefined ? { sourceDateEpoch: env.SOURCE_DATE_EPOCH } : {}),
    browserEnv: env,
    docxParts: precompiledDocxParts,
  };
}
