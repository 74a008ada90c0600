/**
 * `npm run docs:config`: writes the README's configuration table from config/defaults.ts, then
 * formats the README with Prettier (which aligns the table). The test suite fails while the
 * README's table and the defaults disagree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { withConfigTable } from './readme-table.js';

const file = 'README.md';
const options = { ...(await resolveConfig(file)), filepath: file };
writeFileSync(file, await format(withConfigTable(readFileSync(file, 'utf8')), options));
console.log(`${file}: configuration table written`);
