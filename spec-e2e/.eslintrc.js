/* The root config, with the type-aware rules pointed at this suite's own tsconfig (the root one excludes spec-e2e). */
module.exports = {
  parserOptions: { project: './tsconfig.json', tsconfigRootDir: __dirname },
  overrides: [
    {
      // Plain CommonJS config files: no type information, so no type-aware rules.
      files: ['*.js'],
      parserOptions: { project: null },
      rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/await-thenable': 'off', '@typescript-eslint/no-require-imports': 'off' },
    },
    { files: ['specs/**/*.ts'], rules: { '@typescript-eslint/no-unused-expressions': 'off' } },
  ],
};
