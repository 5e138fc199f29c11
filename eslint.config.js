// One lint configuration for the TypeScript in src/, test/ and scripts/: typescript-eslint's
// recommended rules, and prettier for layout (checked by `npm run lint`, not by eslint).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.tools/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      // Unused names are an error, but `_` marks one left out on purpose (destructuring to omit a field).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // Bounded loops that read a stream or a buffer are written `for (;;)` with explicit exits.
      'no-constant-condition': ['error', { checkLoops: false }],
      // Control characters in regular expressions are how inputs are refused for them.
      'no-control-regex': 'off',
      'max-len': [
        'error',
        { code: 140, ignoreUrls: true, ignoreStrings: false, ignoreTemplateLiterals: false, ignoreRegExpLiterals: false },
      ],
    },
  },
);
