import { readFileSync } from 'node:fs';
import { VARIABLES } from '../../../config/defaults.js';
import { configRows, defaultCell, readmeRows } from './readme-table.js';

describe('the README configuration table', () => {
  it('says what config/defaults.ts says (run `npm run docs:config` after changing it)', () => {
    expect(readmeRows(readFileSync('README.md', 'utf8'))).toEqual(configRows());
  });

  it('names every variable once, NODE_ENV first', () => {
    const names = configRows().map(([name]) => name);
    expect(names[0]).toBe('`NODE_ENV`');
    expect(names.slice(1)).toEqual(Object.keys(VARIABLES).map((n) => `\`${n}\``));
  });

  it('shows where another environment differs', () => {
    expect(defaultCell({ default: 'true', test: 'false', production: 'false', meaning: '' })).toBe(
      '`true` (`false` in test and production)',
    );
    expect(defaultCell({ default: '*', production: '', meaning: '' })).toBe('`*` (none in production)');
    expect(defaultCell({ default: '', meaning: '' })).toBe('_(none)_');
    expect(defaultCell({ default: 'x', shown: 'derived', meaning: '' })).toBe('derived');
  });
});
