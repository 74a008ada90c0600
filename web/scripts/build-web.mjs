// Builds the web console into dist/web with Vite, then writes .gz and .br copies of the text
// assets for @fastify/static's preCompressed serving. Skips the build when nothing it depends on
// changed since the last one (a hash of web/ and the lock file), so `npm start` and `npm test`,
// whose pre-scripts build, stay fast. `--force` always builds.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const out = join(root, 'dist/web');
const stamp = join(out, '.build-hash');

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path) : [path];
  });
}

const inputs = [...files(join(root, 'web')), join(root, 'package-lock.json')].sort();
const hash = createHash('sha256');
for (const file of inputs) hash.update(relative(root, file)).update('\0').update(readFileSync(file));
const digest = hash.digest('hex');

if (!process.argv.includes('--force') && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) {
  process.exit(0);
}

const { build } = await import('vite');
await build({ configFile: join(root, 'web/vite.config.ts'), logLevel: process.env.CI ? 'warn' : 'info' });

for (const file of files(out)) {
  if (!/\.(js|css|html|svg|json)$/.test(file) || statSync(file).size < 1024) continue;
  const data = readFileSync(file);
  writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
  writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
}
writeFileSync(stamp, digest);
