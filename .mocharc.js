// Specs are compiled by `npm run build` (pretest) and run as plain CommonJS.
module.exports = {
  spec: ['dist/spec/**/*.spec.js'],
  recursive: true,
  timeout: 20000,
  reporter: 'spec',
  exit: true,
};
