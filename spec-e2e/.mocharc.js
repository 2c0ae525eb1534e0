// The end-to-end suite, compiled by `tsc -p spec-e2e` to dist/spec-e2e. Files run in this order; the
// cleanup spec is last because it stops the shared broker and checks that nothing the suite started survives.
module.exports = {
  require: ['dist/spec-e2e/rootHooks.js'],
  spec: [
    'dist/spec-e2e/specs/serviceMode.spec.js',
    'dist/spec-e2e/specs/pollingFlow.spec.js',
    'dist/spec-e2e/specs/tokenRotation.spec.js',
    'dist/spec-e2e/specs/authenticateButton.spec.js',
    'dist/spec-e2e/specs/errors.spec.js',
    'dist/spec-e2e/specs/upsertByKey.spec.js',
    'dist/spec-e2e/specs/syncRecords.spec.js',
    'dist/spec-e2e/specs/setStockLevelList.spec.js',
    'dist/spec-e2e/specs/uploadImage.spec.js',
    'dist/spec-e2e/specs/completedSalesToStock.spec.js',
    'dist/spec-e2e/specs/sharedAccount.spec.js',
    'dist/spec-e2e/specs/registerButton.spec.js',
    'dist/spec-e2e/specs/cleanup.spec.js',
  ],
  timeout: 60000,
  slow: 10000,
  reporter: 'spec',
  exit: true,
};
