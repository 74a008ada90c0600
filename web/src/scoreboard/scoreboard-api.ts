import { useQuery } from '@tanstack/react-query';
import { api, ok, type Schemas } from '../common/api/client';
import { keys } from '../common/api/keys';

export type Scoreboard = Schemas['ScoreboardView'];
export type ScoreRow = Schemas['ScoreRowView'];
export type UnmeasuredCode = Schemas['UnmeasuredItemView']['reasonCode'];
export type GroupBy = Scoreboard['by'];
export const GROUPS: GroupBy[] = ['unit', 'organization', 'channel'];

/** The leader the API names (the group with the most measured visitors per yuan). */
export interface Leader {
  key: string;
  label: string;
  yuanPerMeasuredVisitor: number;
  visitorsPerYuan: number;
}

export function useScoreboard(year: number, by: GroupBy) {
  return useQuery({
    queryKey: keys.scoreboard({ year, by }),
    queryFn: () => ok(api.GET('/api/v1/scoreboard', { params: { query: { year, by } } })),
  });
}
