import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const templatePath = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../.tmp/test-template-pglite.tar',
);
