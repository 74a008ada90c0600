import { describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { oneConnectionManager } from '../../test/support/one-connection-manager.js';
import { FundLedger } from './fund-ledger.js';

describe('FundLedger.factsOfCampaigns', () => {
  it('reads allocations and campaigns one query at a time through a transaction', async () => {
    const { manager, state } = oneConnectionManager();
    await new FundLedger({} as DataSource).factsOfCampaigns(['c1', 'c2'], manager);
    expect(state).toEqual({ overlapped: false, calls: 2 });
  });
});
