import type { FormSchema } from './form-schema.ts';
import type { DocumentGroup } from './procedure.types.ts';

export interface DocumentSlot {
  /** `<group>.<document>` index in the procedure's required documents. */
  slot: string;
  group: string | null;
  name: string;
  originals: number;
  copies: number;
  /** Whether it is a document to hand in at all (not a note, not only shown at the counter). */
  uploadable: boolean;
  /** Whether an online applicant must upload it before submitting. */
  required: boolean;
}

// The national catalog mixes real documents with notes and conditional items in the same list ("Trường hợp …",
// "+ …" alternatives, "0 bản chính" remarks) and separates documents to submit from those only shown at the
// counter ("Giấy tờ phải xuất trình", verified online against the population database). A slot is required
// online only when it is a plain document to submit; the administrator can correct any slot (documentRules).
const conditional = /^(trường hợp|đối với|nếu)\b|\btrong trường hợp\b|\(nếu\b/i;

export function documentSlots(groups: DocumentGroup[], schema: FormSchema | null): DocumentSlot[] {
  const overrides = new Map((schema?.documentRules ?? []).map((r) => [r.slot, r.required]));
  return groups.flatMap((g, gi) => {
    const shownOnly = /xuất trình/i.test(g.group ?? '');
    return g.documents.map((d, di) => {
      const slot = `${gi}.${di}`;
      const bare = d.name.replace(/^[\s\-+*•]+/, '');
      const isAlternative = /^\s*\+/.test(d.name);
      const uploadable = !shownOnly && d.originals + d.copies > 0;
      const guessed = uploadable && !isAlternative && !conditional.test(bare);
      return {
        slot,
        group: g.group,
        name: bare,
        originals: d.originals,
        copies: d.copies,
        uploadable: uploadable || overrides.get(slot) === true,
        required: overrides.get(slot) ?? guessed,
      };
    });
  });
}
