/**
 * The layers of src/, lowest first: a module may import its own layer and the layers below it,
 * never one above, and nothing may import in a circle. docs/architecture.md explains each layer;
 * test/architecture.test.ts runs dependency-cruiser with these rules and fails on any violation.
 * Type-only imports count too: a layer's types are part of what it depends on.
 */
const LAYERS = [
  ['ground', ['src/diagnostics/', 'src/io/', 'src/paths\\.ts$', 'src/collate\\.ts$']],
  ['source', ['src/source/']],
  ['model', ['src/model\\.ts$']],
  ['validate', ['src/validate/', 'src/rate\\.ts$']],
  ['profile', ['src/profile/']],
  ['parse', ['src/markdown/', 'src/template/', 'src/figures/', 'src/fix/']],
  ['session', ['src/session\\.ts$']],
  ['load', ['src/load/']],
  ['check', ['src/check/']],
  ['compile', ['src/compile/']],
  ['render', ['src/render/']],
  ['tools', ['src/fmt/', 'src/init/', 'src/import/', 'src/summary/']],
  ['pipeline', ['src/pipeline/']],
  ['review', ['src/review/']],
  ['preview', ['src/preview/']],
  ['cli', ['src/cli/']],
];

const pattern = (paths) => `^(?:${paths.join('|')})`;

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules that import each other cannot be understood, tested or loaded lazily one without the other.',
      from: {},
      to: { circular: true },
    },
    ...LAYERS.slice(0, -1).map(([name, paths], i) => ({
      name: `no-upward-from-${name}`,
      severity: 'error',
      comment: `The ${name} layer may not import a layer above it (${LAYERS.slice(i + 1).map(([n]) => n).join(', ')}).`,
      from: { path: pattern(paths) },
      to: { path: pattern(LAYERS.slice(i + 1).flatMap(([, p]) => p)) },
    })),
    {
      name: 'no-unknown-layer',
      severity: 'error',
      comment: 'Every module of src/ belongs to a layer: a new folder is placed in LAYERS (and in docs/architecture.md).',
      from: { path: '^src/', pathNot: pattern(LAYERS.flatMap(([, p]) => p)) },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
