// Lints the planner's OpenAPI document with Redocly's recommended rules (redocly.yaml).
//
// The document is the one the real HTTP app serves (openapi-document.mjs), written to
// dist/openapi.json (the path .redocly.lint-ignore.yaml names) for `redocly lint`. Exits with the
// linter's status: redocly.yaml raises every warning to an error, so any problem fails
// `npm run check`. Redocly's telemetry and update notice are off; nothing is fetched.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadOpenApiDocument, root } from './openapi-document.mjs';

const document = await loadOpenApiDocument();
const file = join(root, 'dist/openapi.json');
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, JSON.stringify(document, null, 2));
const cliPackage = createRequire(import.meta.url).resolve('@redocly/cli/package.json');
const result = spawnSync(
  process.execPath,
  [
    join(dirname(cliPackage), 'bin/cli.js'),
    'lint',
    'dist/openapi.json',
    '--config',
    'redocly.yaml',
    '--max-problems',
    '200',
    ...process.argv.slice(2),
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  },
);
process.exit(result.status ?? 1);
