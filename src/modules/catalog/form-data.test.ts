import { describe, expect, it } from 'vitest';
import { documentSlots } from './document-slots.ts';
import { validateFormData } from './form-data.ts';
import { formSchemaSchema } from './form-schema.ts';

const schema = formSchemaSchema.parse({
  fields: [
    { key: 'name', label: 'Họ tên', type: 'text', required: true, maxLength: 10 },
    { key: 'born', label: 'Ngày sinh', type: 'date', required: true },
    { key: 'count', label: 'Số bản', type: 'number', min: 1, max: 5 },
    { key: 'sex', label: 'Giới tính', type: 'select', options: [{ value: 'nam', label: 'Nam' }] },
    { key: 'phone', label: 'Điện thoại', type: 'phone' },
    { key: 'mail', label: 'Thư', type: 'email' },
    { key: 'cccd', label: 'CCCD', type: 'citizen_id' },
    {
      key: 'plate',
      label: 'Biển số',
      type: 'text',
      pattern: '^\\d{2}[A-Z]-\\d{4,5}$',
      patternMessage: 'Biển số sai.',
    },
  ],
});

describe('validateFormData', () => {
  it('normalises good answers and drops unknown keys', () => {
    const { values, problems } = validateFormData(
      schema,
      {
        name: ' An ',
        born: '2024-02-29',
        count: '3',
        sex: 'nam',
        phone: '+84 912 345 678',
        mail: 'A@B.VN',
        cccd: '093190001234',
        plate: '95A-12345',
        extra: 'x',
      },
      { partial: false, now: new Date('2026-11-25T00:00:00Z') },
    );
    expect(problems).toEqual([]);
    expect(values).toEqual({
      name: 'An',
      born: '2024-02-29',
      count: 3,
      sex: 'nam',
      phone: '0912345678',
      mail: 'a@b.vn',
      cccd: '093190001234',
      plate: '95A-12345',
    });
  });

  it('reports each wrong answer in Vietnamese, and missing required ones only when submitting', () => {
    const bad = {
      name: 'Nguyễn Văn Rất Dài',
      born: '2025-02-29',
      count: 9,
      sex: 'nu',
      phone: '123',
      mail: 'x@',
      cccd: '1',
      plate: 'abc',
    };
    const { problems } = validateFormData(schema, bad, { partial: true });
    expect(problems.map((p) => p.path)).toEqual([
      'formData.name',
      'formData.born',
      'formData.count',
      'formData.sex',
      'formData.phone',
      'formData.mail',
      'formData.cccd',
      'formData.plate',
    ]);
    expect(problems.at(-1)?.message).toBe('Biển số sai.');
    expect(validateFormData(schema, {}, { partial: true }).problems).toEqual([]);
    expect(validateFormData(schema, {}, { partial: false }).problems.map((p) => p.message)).toEqual([
      'Vui lòng nhập «Họ tên».',
      'Vui lòng nhập «Ngày sinh».',
    ]);
  });

  it('refuses malformed schemas: duplicate keys, empty selects, bad patterns', () => {
    const result = formSchemaSchema.safeParse({
      fields: [
        { key: 'a', label: 'A', type: 'select' },
        { key: 'a', label: 'B', type: 'text', pattern: '(' },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(
      expect.arrayContaining([
        'Trường chọn cần ít nhất một lựa chọn.',
        'Biểu thức kiểm tra không hợp lệ.',
        'Mã trường «a» bị trùng.',
      ]),
    );
  });
});

describe('documentSlots', () => {
  const groups = [
    {
      group: '* Giấy tờ phải nộp:',
      documents: [
        {
          name: '- Giấy chứng sinh; trường hợp không có thì giấy cam đoan',
          originals: 1,
          copies: 0,
          formName: null,
          formUrl: null,
        },
        {
          name: 'Trường hợp trẻ bị bỏ rơi thì biên bản',
          originals: 1,
          copies: 0,
          formName: null,
          formUrl: null,
        },
        {
          name: '- Văn bản ủy quyền trong trường hợp ủy quyền',
          originals: 1,
          copies: 0,
          formName: null,
          formUrl: null,
        },
        { name: '+ Văn bản xác nhận của cơ sở y tế', originals: 1, copies: 0, formName: null, formUrl: null },
        { name: 'Ghi chú về bản điện tử', originals: 0, copies: 0, formName: null, formUrl: null },
        { name: 'Tờ khai (nếu nộp trực tiếp)', originals: 1, copies: 0, formName: null, formUrl: null },
      ],
    },
    {
      group: '* Giấy tờ phải xuất trình:',
      documents: [{ name: '- Căn cước công dân', originals: 1, copies: 0, formName: null, formUrl: null }],
    },
  ];

  it('requires plain documents to submit, not conditions, alternatives, notes or documents only shown', () => {
    const slots = documentSlots(groups, null);
    expect(slots.filter((s) => s.required).map((s) => s.slot)).toEqual(['0.0']);
    expect(slots.filter((s) => s.uploadable).map((s) => s.slot)).toEqual(['0.0', '0.1', '0.2', '0.3', '0.5']);
    expect(slots[0]?.name).toBe('Giấy chứng sinh; trường hợp không có thì giấy cam đoan');
  });

  it("follows the administrator's corrections", () => {
    const slots = documentSlots(groups, {
      fields: [],
      documentRules: [
        { slot: '0.0', required: false },
        { slot: '0.5', required: true },
      ],
    });
    expect(slots.filter((s) => s.required).map((s) => s.slot)).toEqual(['0.5']);
  });
});
