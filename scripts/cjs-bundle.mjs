// esbuild's options for a one-file CommonJS bundle of the CLI, shared by lib/lawreport.cjs
// (scripts/bundle.mjs, the code-cache warm start) and the single executables (scripts/dist.mjs).
export const CJS_BUNDLE = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Less to read at every start (2.5 MB); names are kept for the single executables' --debug
  // stack traces (lib/lawreport.cjs shortens them: scripts/bundle.mjs).
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
};
