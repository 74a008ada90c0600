import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, ApiError, ok, type Schemas } from '../common/api/client';
import { keys } from '../common/api/keys';

export type Fund = Schemas['FundView'];
export type FundKind = Fund['kind'];
export type Allocation = Schemas['AllocationView'];
export interface FundInput {
  name: string;
  kind: FundKind;
  year: number;
  amountYuan: number;
  responsibleUnit: string;
  note?: string | null;
}

export const FUND_KINDS: FundKind[] = [
  'municipal_budget',
  'provincial_special',
  'district',
  'enterprise_cofunding',
  'sponsorship',
  'other',
];

/** The amounts a 409 `fund_over_allocated` names. */
export interface OverAllocation {
  fundName: string;
  amountYuan: number;
  allocatedYuan: number;
  requestedYuan: number;
  remainingYuan: number;
}

export function overAllocation(error: unknown): OverAllocation | null {
  if (!(error instanceof ApiError) || error.status !== 409 || error.code !== 'fund_over_allocated')
    return null;
  return error.details as OverAllocation;
}

export function useFundList(filters: { year?: number; kind?: FundKind }) {
  return useQuery({
    queryKey: keys.fundList(filters),
    queryFn: () => ok(api.GET('/api/v1/funds', { params: { query: { ...filters, limit: 200 } } })),
    placeholderData: keepPreviousData,
  });
}

export function useFund(id: string) {
  return useQuery({
    queryKey: keys.fund(id),
    queryFn: () => ok(api.GET('/api/v1/funds/{id}', { params: { path: { id } } })),
  });
}

/** The funds a campaign draws on; nothing is asked without a campaign. */
export function useCampaignFunding(campaignId: string | undefined) {
  return useQuery({
    queryKey: keys.campaignFunding(campaignId ?? ''),
    queryFn: () => ok(api.GET('/api/v1/campaigns/{id}/funding', { params: { path: { id: campaignId! } } })),
    enabled: !!campaignId,
  });
}

export function useAllocations(fundId: string) {
  return useQuery({
    queryKey: keys.allocations(fundId),
    queryFn: () =>
      ok(
        api.GET('/api/v1/funds/{id}/allocations', {
          params: { path: { id: fundId }, query: { limit: 200 } },
        }),
      ),
  });
}

const invalidates = [keys.funds, keys.campaigns, ['scoreboard']];

export function useSaveFund(id?: string) {
  return useMutation({
    mutationFn: ({ body, ifMatch }: { body: FundInput; ifMatch?: string }) =>
      id
        ? ok(
            api.PATCH('/api/v1/funds/{id}', {
              params: { path: { id }, header: { 'If-Match': ifMatch } },
              body,
            }),
          )
        : ok(api.POST('/api/v1/funds', { body })),
    meta: { invalidates },
  });
}

export function useDeleteFund() {
  return useMutation({
    mutationFn: (id: string) => ok(api.DELETE('/api/v1/funds/{id}', { params: { path: { id } } })),
    meta: { invalidates },
  });
}

export function useSaveAllocation(fundId: string) {
  return useMutation({
    mutationFn: (input: {
      allocationId?: string;
      campaignId: string;
      amountYuan: number;
      note?: string | null;
    }) =>
      input.allocationId
        ? ok(
            api.PATCH('/api/v1/funds/{id}/allocations/{allocationId}', {
              params: { path: { id: fundId, allocationId: input.allocationId } },
              body: {
                amountYuan: input.amountYuan,
                note: input.note,
              },
            }),
          )
        : ok(
            api.POST('/api/v1/funds/{id}/allocations', {
              params: { path: { id: fundId } },
              body: {
                campaignId: input.campaignId,
                amountYuan: input.amountYuan,
                note: input.note,
              },
            }),
          ),
    meta: { invalidates },
  });
}

export function useRemoveAllocation(fundId: string) {
  return useMutation({
    mutationFn: (allocationId: string) =>
      ok(
        api.DELETE('/api/v1/funds/{id}/allocations/{allocationId}', {
          params: { path: { id: fundId, allocationId } },
        }),
      ),
    meta: { invalidates },
  });
}
