import { it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { parametersMarkdown } from '../../scripts/build-docs.ts';

it('docs/PARAMETERS.md is generated from the current registry (run `npm run docs` after editing it)', () => {
  const committed = fs.readFileSync(path.resolve(__dirname, '../../docs/PARAMETERS.md'), 'utf8');
  expect(committed).toBe(parametersMarkdown());
});
