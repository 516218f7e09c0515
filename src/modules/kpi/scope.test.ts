import { describe, expect, it } from 'vitest';
import { buildTree, type UnitNode, unitsInScope } from './scope.ts';

const unit = (id: string, parentId: string | null, validTo: string | null = null): UnitNode => ({
  id,
  code: id,
  name: id,
  kind: 'ward',
  tier: 3,
  parentId,
  validFrom: null,
  validTo,
});

// Hậu Giang ⊃ Vị Thanh city ⊃ wards I, III, Vị Tân (old); Cần Thơ ⊃ phường Vị Thanh, phường Vị Tân (new).
const tree = buildTree(
  [
    unit('hau-giang', null, '2025-06-30'),
    unit('city', 'hau-giang', '2025-06-30'),
    unit('p1', 'city', '2025-06-30'),
    unit('p3', 'city', '2025-06-30'),
    unit('vi-tan-old', 'city', '2025-06-30'),
    unit('can-tho', null),
    unit('p-vi-thanh', 'can-tho'),
    unit('p-vi-tan', 'can-tho'),
  ],
  [
    { predecessorId: 'hau-giang', successorId: 'can-tho' },
    { predecessorId: 'p1', successorId: 'p-vi-thanh' },
    { predecessorId: 'p3', successorId: 'p-vi-thanh' },
    { predecessorId: 'vi-tan-old', successorId: 'p-vi-tan' },
  ],
);
const sorted = (a: string[]) => [...a].sort();

describe('units in scope', () => {
  it('historical: the unit and the units under it', () => {
    expect(sorted(unitsInScope(tree, 'city', 'historical'))).toEqual(['city', 'p1', 'p3', 'vi-tan-old']);
    expect(unitsInScope(tree, 'p-vi-thanh', 'historical')).toEqual(['p-vi-thanh']);
  });

  it('current: today’s unit with every unit it succeeded', () => {
    expect(sorted(unitsInScope(tree, 'p-vi-thanh', 'current'))).toEqual(['p-vi-thanh', 'p1', 'p3']);
    expect(sorted(unitsInScope(tree, 'can-tho', 'current'))).toEqual(
      sorted(['can-tho', 'p-vi-thanh', 'p-vi-tan', 'p1', 'p3', 'vi-tan-old', 'hau-giang', 'city']),
    );
  });
});
