/* ESLint 8 with the classic config format (the project pins ESLint 8 for `.eslintrc.js`). */
module.exports = {
  root: true,
  parser: '@typescript-eslint/parser',
  parserOptions: { project: './tsconfig.json', tsconfigRootDir: __dirname },
  plugins: ['@typescript-eslint'],
  extends: ['eslint:recommended', 'plugin:@typescript-eslint/recommended'],
  env: { node: true, es2022: true },
  // Plain .js files are thin shims (verifyCredentials.js, bin/) and configs; the code is TypeScript.
  ignorePatterns: ['dist/', 'node_modules/', 'coverage/', '*.js'],
  rules: {
    '@typescript-eslint/no-floating-promises': 'error',
    '@typescript-eslint/await-thenable': 'error',
    '@typescript-eslint/no-explicit-any': 'error',
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    'no-console': 'off',
    eqeqeq: ['error', 'always'],
    'prefer-const': 'error',
  },
  overrides: [
    { files: ['spec/**/*.ts'], rules: { '@typescript-eslint/no-unused-expressions': 'off' } },
  ],
};
