import { tasksApi, type Organization } from '../api/tasks.ts';
import type { Party } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';

export interface PartyUnits {
  party: Party;
  units: Organization[];
}

/** The units (organizations) of each party's region, in the parties' order: who can lead or co-operate for that side. */
export function usePartyUnits(parties: readonly Party[]): { sides: PartyUnits[]; loading: boolean } {
  const regions = parties.map((p) => p.regionCode);
  const { data, loading } = useApi(() => Promise.all(regions.map((code) => tasksApi.organizationsIn(code))), regions.join(','));
  return { sides: parties.map((party, i) => ({ party, units: data?.[i]?.items ?? [] })), loading };
}
