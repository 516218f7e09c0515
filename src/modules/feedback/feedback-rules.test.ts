import { describe, expect, it } from 'vitest';
import { availableActions, feedbackCode, isPublishable, ratingRefusal, refusal } from './feedback-rules.ts';

describe('feedback rules', () => {
  it('lets the reform office classify and the agency answer, each in its states', () => {
    const classifier = new Set(['classifier'] as const);
    const agency = new Set(['agency'] as const);
    expect(availableActions('received', classifier)).toEqual(['assign', 'reject', 'mark_duplicate']);
    expect(availableActions('assigned', agency)).toEqual(['answer']);
    expect(availableActions('answered', agency)).toEqual(['publish']);
    expect(refusal('answer', 'assigned', classifier)).toMatch(/cơ quan được giao/);
    expect(refusal('assign', 'answered', classifier)).toMatch(/Đã trả lời/);
  });

  it('publishes only with consent, and personal data only through edited versions', () => {
    const base = {
      consentToPublish: true,
      status: 'answered' as const,
      containsPersonalData: false,
      publicContent: null,
      publicAnswer: null,
    };
    expect(isPublishable(base)).toBe(true);
    expect(isPublishable({ ...base, consentToPublish: false })).toBe(false);
    expect(isPublishable({ ...base, status: 'assigned' })).toBe(false);
    expect(isPublishable({ ...base, containsPersonalData: true })).toBe(false);
    expect(
      isPublishable({ ...base, containsPersonalData: true, publicContent: 'Nội dung', publicAnswer: ' ' }),
    ).toBe(false);
    expect(
      isPublishable({
        ...base,
        containsPersonalData: true,
        publicContent: 'Nội dung',
        publicAnswer: 'Trả lời',
      }),
    ).toBe(true);
  });

  it('allows a rating after the answer and changes for 7 days', () => {
    const ratedAt = new Date('2026-11-01T00:00:00Z');
    expect(ratingRefusal({ status: 'assigned', ratedAt: null }, ratedAt)?.code).toBe('not_answered');
    expect(ratingRefusal({ status: 'answered', ratedAt }, new Date('2026-11-08T00:00:00Z'))).toBeNull();
    expect(ratingRefusal({ status: 'answered', ratedAt }, new Date('2026-11-08T00:00:01Z'))?.code).toBe(
      'closed',
    );
  });

  it('formats codes', () => {
    expect(feedbackCode(2026, 123)).toBe('PAKN-2026-000123');
  });
});
