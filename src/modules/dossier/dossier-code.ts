// Dossier codes (Circular 01/2018/TT-VPCP art. 19; Decree 61 art. 26): the receiving unit's identifier code,
// the receipt date as YYMMDD, and a 4-digit sequence restarting every day per receiving unit, e.g.
// `000.17.22.H56-210531-0001`. A uniform new rule has been announced (Decree 309/2026), so the layout is a template.

export const defaultDossierCodeTemplate = '{agency}-{yymmdd}-{seq:4}';

export interface DossierCodeParts {
  agencyIdentifier: string;
  /** Receipt date in Vietnam local time, YYYY-MM-DD. */
  receivedOn: string;
  sequence: number;
}

export function formatDossierCode(parts: DossierCodeParts, template = defaultDossierCodeTemplate): string {
  const [yyyy, mm, dd] = parts.receivedOn.split('-');
  if (!yyyy || !mm || !dd) throw new Error(`invalid date ${parts.receivedOn}`);
  return template.replace(
    /\{(agency|yymmdd|yyyymmdd|seq)(?::(\d+))?\}/g,
    (_all, key: string, width?: string) => {
      switch (key) {
        case 'agency':
          return parts.agencyIdentifier;
        case 'yymmdd':
          return `${yyyy.slice(2)}${mm}${dd}`;
        case 'yyyymmdd':
          return `${yyyy}${mm}${dd}`;
        default: {
          const digits = String(parts.sequence);
          const pad = Number(width ?? 4);
          if (digits.length > pad) throw new Error(`sequence ${parts.sequence} does not fit ${pad} digits`);
          return digits.padStart(pad, '0');
        }
      }
    },
  );
}

/** The default layout, for validating codes typed into the public lookup. */
export const dossierCodePattern = /^[A-Z0-9]{3}\.[A-Z0-9]{2}\.[A-Z0-9]{2}\.[A-Z0-9]{3}-\d{6}-\d{4}$/;
