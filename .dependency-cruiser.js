/*
 * The house's layering, checked by `npm run lint` (dependency-cruiser): no import circles, nothing imports a
 * higher layer, and the client's wings are entered through their index. docs/architecture.md explains the layers.
 *   catalog, text  <  client (http < auth, rate < the API)  <  input, runtime, metadata  <  actions, triggers
 *   <  cli, bench, scripts, simulator, specs
 */
const LAYERS = [
  ['ground', '^lib/(catalog|text)/'],
  ['client', '^lib/client/'],
  ['input and runtime', '^lib/(input/|runtime/|metadata\\.ts$)'],
  ['handlers', '^lib/(actions/|triggers/|verifyCredentials\\.ts$|index\\.ts$)'],
];

/** A layer may import its own and the ones before it, never one after it. */
const upwardImports = LAYERS.slice(0, -1).map(([name, path], index) => ({
  name: `no-upward-import-from-${name.replace(/\W+/g, '-')}`,
  comment: `The ${name} layer does not import a higher layer: move the shared part down instead.`,
  severity: 'error',
  from: { path },
  to: { path: [...LAYERS.slice(index + 1).map(([, higher]) => higher), '^(cli|bench|scripts|simulator|spec|spec-e2e)/'] },
}));

/** Inside the client: http at the bottom, auth and rate beside each other on it, the API on top of all three. */
const WINGS = ['http', 'auth', 'rate'];
const wingRules = [
  { name: 'http-wing-is-the-bottom', from: { path: '^lib/client/http/' }, to: { path: '^lib/client/(?!http/)' } },
  { name: 'auth-wing-uses-only-http', from: { path: '^lib/client/auth/' }, to: { path: '^lib/client/(?!auth/|http/)' } },
  { name: 'rate-wing-uses-only-http', from: { path: '^lib/client/rate/' }, to: { path: '^lib/client/(?!rate/|http/)' } },
  // Each wing's index names what the others may use; its unit specs (spec/client/<wing>/) may test its files.
  ...WINGS.map((wing) => ({
    name: `enter-${wing}-through-its-index`,
    from: { pathNot: `^(lib|spec)/client/${wing}/` },
    to: { path: `^lib/client/${wing}/(?!index\\.ts$)` },
  })),
].map((rule) => ({ severity: 'error', comment: 'The client wings: see docs/architecture.md.', ...rule }));

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Import circles make the layers unreadable.', from: {}, to: { circular: true } },
    ...upwardImports,
    ...wingRules,
    {
      name: 'simulator-stays-a-dev-tool',
      severity: 'error',
      comment: 'The component never loads the simulator; the simulator reads only the catalog types.',
      from: { path: '^lib/' },
      to: { path: '^simulator/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['cjs', 'es6'],
  },
};
