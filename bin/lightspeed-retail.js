#!/usr/bin/env node
// The CLI is compiled TypeScript (npm ci builds it): see cli/ and the README's "Try a function locally".
require('../dist/cli/main.js');
