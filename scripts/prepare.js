// `npm install` and `npm ci` run `prepare`: it compiles TypeScript into dist/ (git-ignored). TypeScript is a
// devDependency, so a production-only install of a fresh clone (npm ci --omit=dev) cannot build the component:
// say so plainly instead of failing with "tsc: not found". Plain JavaScript, because nothing is compiled yet.
const { spawnSync } = require('node:child_process');

try {
  require.resolve('typescript');
} catch {
  console.error('Cannot build dist/: TypeScript (a devDependency) is not installed. Install with devDependencies '
    + '(npm ci), then remove them (npm prune --omit=dev); see the README, "Deploy to elastic.io".');
  process.exit(1);
}
process.exitCode = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' }).status ?? 1;
