import type { Agency } from '../../types';
import { useApi } from '../../useApi';

/** Every agency (all periods), and the administrative units they belong to, for pickers. */
export function useUnitsAndAgencies() {
  const agencies = useApi<Agency[]>('/api/agencies', { shared: true });
  const list = agencies.data ?? [];
  const units = [...new Map(list.map((a) => [a.unitId, a.unitName])).entries()]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  const agencyOptions = list
    .map((a) => ({ value: a.id, label: `${a.name} — ${a.unitName}` }))
    .sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  return { agencies: list, units, agencyOptions, loading: agencies.loading, error: agencies.error };
}
