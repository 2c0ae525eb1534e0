// Sailor looks for verifyCredentials at the component root; the implementation is compiled TypeScript.
module.exports = require('./dist/lib/verifyCredentials').verifyCredentials;
