import { describe, expect, it } from 'vitest';
import { nextInterlinkAgency } from './interlinked.ts';

const route = {
  agencies: [
    { id: 'a', name: 'A' },
    { id: 'b', name: 'B' },
    { id: 'c', name: 'C' },
  ],
};

describe('next interlinked agency', () => {
  it('is the next agency of the route without a step yet', () => {
    expect(nextInterlinkAgency(route, 'a', ['a'])).toBe('b');
    expect(nextInterlinkAgency(route, 'a', ['a', 'b'])).toBe('c');
    expect(nextInterlinkAgency(route, 'b', ['a', 'b'])).toBe('c');
  });
  it('is null at the end of the route or off the route', () => {
    expect(nextInterlinkAgency(route, 'c', ['a', 'b', 'c'])).toBeNull();
    expect(nextInterlinkAgency(route, 'z', [])).toBeNull();
    expect(nextInterlinkAgency(route, null, [])).toBeNull();
  });
});
