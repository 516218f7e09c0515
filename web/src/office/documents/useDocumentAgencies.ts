import { useAuth } from '../../auth';
import type { Agency } from '../../types';
import { useApi } from '../../useApi';
import { keptAgencies, seesAll } from './documentTypes';

/** The agencies the officer reads (all for the reform office) and those it keeps (its own). */
export function useDocumentAgencies() {
  const { user } = useAuth();
  const all = seesAll(user);
  const every = useApi<Agency[]>(all ? '/api/agencies' : null, { shared: true });
  const kept = keptAgencies(user);
  const readable = all ? (every.data ?? []).map((a) => ({ id: a.id, name: a.name })) : kept;
  return { all, kept, readable };
}
