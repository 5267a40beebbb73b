import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The package root (holding schemas/ and templates/), from src/ or from the compiled lib/. */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
