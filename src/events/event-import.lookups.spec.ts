import { describe, expect, it } from '@jest/globals';
import { oneConnectionManager } from '../../test/support/one-connection-manager.js';
import { EventImportLookups } from './event-import.lookups.js';

describe('EventImportLookups.load', () => {
  it('reads its tables one query at a time through the import transaction', async () => {
    const { manager, state } = oneConnectionManager();
    await EventImportLookups.load(manager);
    expect(state).toEqual({ overlapped: false, calls: 3 });
  });
});
