import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import {
  documentGroupSchema,
  onlineModeSchema,
  procedureLevelSchema,
  processStepSchema,
  submissionChannelSchema,
  timeUnitSchema,
} from '../procedure.types.ts';
import { statutoryWorkingHours } from './default-internal-process.ts';
import {
  defaultInternalProcess,
  type NormalizedProcedure,
  normalizeProcedure,
  type ProcedureFlagDraft,
  rawProcedureSchema,
} from './normalize-procedure.ts';

type Json = Record<string, unknown>;

function channel(overrides: Json = {}): Json {
  return {
    channel: 'Trực tiếp',
    processingTimeRaw: '3 Ngày làm việc',
    processingTime: 3,
    processingTimeUnit: 'Ngày làm việc',
    feeRaw: 'Miễn phí',
    feeAmountVnd: 0,
    feeCurrency: 'VND',
    note: null,
    ...overrides,
  };
}

function record(overrides: Json = {}): Json {
  return {
    code: '1.000001',
    name: 'Thủ tục thử',
    field: 'Hộ tịch',
    level: 'Cấp xã',
    levels: ['Cấp xã'],
    decisionNo: '163/QĐ-BTP',
    procedureType: 'TTHC được luật giao quy định chi tiết',
    subjects: 'Công dân Việt Nam',
    competentAgency: null,
    implementingAgency: 'Ủy ban nhân dân cấp xã',
    result: 'Giấy xác nhận',
    conditions: null,
    submissionChannels: [channel()],
    submissionChannelsRaw: '…',
    channelsOffered: ['Trực tiếp'],
    onlineSubmissionListed: false,
    onlineServiceLevel: null,
    requiredDocuments: [
      { group: '--', documents: [{ name: 'Tờ khai theo mẫu', form: 'TK01.docx', quantity: '1 bản chính' }] },
    ],
    requiredDocumentsRaw: 'Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai theo mẫuTK01.docx1 bản chính',
    legalBasisRefs: ['123/2015/NĐ-CP'],
    sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/abc',
    source: {
      repo: 'chatbot-tthc/chatbot_tthc',
      path: 'scripts/crawler/data/raw/bo-tu-phap/1.000001.json',
      commit: '53229487610b07e0d7127f529b87c333f19aeb1e',
    },
    ...overrides,
  };
}

const flagsOf = (p: NormalizedProcedure, attribute: ProcedureFlagDraft['attribute']) =>
  p.flags.filter((f) => f.attribute === attribute);

/** Checks every structured part against the schemas of procedure.types.ts. */
function expectValid(p: NormalizedProcedure): void {
  for (const c of p.channels) submissionChannelSchema.parse(c);
  for (const g of p.requiredDocuments) documentGroupSchema.parse(g);
  for (const s of p.internalProcess) processStepSchema.parse(s);
  for (const l of p.levels) procedureLevelSchema.parse(l);
  onlineModeSchema.parse(p.onlineMode);
  if (p.processingTimeUnit !== null) timeUnitSchema.parse(p.processingTimeUnit);
  if (p.feeAmountVnd !== null) expect(Number.isInteger(p.feeAmountVnd) && p.feeAmountVnd >= 0).toBe(true);
  expect(p.code.length).toBeLessThanOrEqual(30);
  expect(p.decisionNo?.length ?? 0).toBeLessThanOrEqual(100);
}

describe('normalizeProcedure: record shape', () => {
  it('maps a plain record and passes the schemas', () => {
    const p = normalizeProcedure(record());
    expectValid(p);
    expect(p).toMatchObject({
      code: '1.000001',
      name: 'Thủ tục thử',
      field: 'Hộ tịch',
      levels: ['commune'],
      implementingAgencyText: 'Ủy ban nhân dân cấp xã',
      competentAgencyText: null,
      resultText: 'Giấy xác nhận',
      decisionNo: '163/QĐ-BTP',
      processingTimeValue: 3,
      processingTimeUnit: 'working_days',
      processingTimeText: '3 Ngày làm việc',
      feeText: 'Miễn phí',
      feeAmountVnd: 0,
      legalBasis: ['123/2015/NĐ-CP'],
      onlineMode: 'none',
      onlineLevel: null,
      sourceUrl: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/abc',
      flags: [],
    });
    expect(p.internalProcess).toEqual(defaultInternalProcess(3, 'working_days'));
  });

  it('cleans text: trims, turns non-breaking spaces into spaces, collapses whitespace, empty → null', () => {
    const p = normalizeProcedure(
      record({
        name: '  Thủ tục\u00a0đăng ký \n\t khai sinh ',
        subjects: ' \u00a0 ',
        conditions: '',
        result: 'Giấy\u00a0\u00a0khai sinh',
      }),
    );
    expect(p.name).toBe('Thủ tục đăng ký khai sinh');
    expect(p.subjects).toBeNull();
    expect(p.conditions).toBeNull();
    expect(p.resultText).toBe('Giấy khai sinh');
  });

  it('composes decomposed diacritics (NFC) so text compares equal', () => {
    const p = normalizeProcedure(record({ field: 'Hộ tịch'.normalize('NFD') }));
    expect(p.field).toBe('Hộ tịch');
  });

  it('maps every level, without duplicates, in the order ministry → other', () => {
    const p = normalizeProcedure(
      record({ levels: ['Cấp xã', 'Cơ quan khác', 'Cấp bộ', 'Cấp huyện', 'Cấp tỉnh', 'cấp xã'] }),
    );
    expect(p.levels).toEqual(['ministry', 'province', 'district', 'commune', 'other']);
  });

  it('throws a ZodError on malformed records', () => {
    expect(() => normalizeProcedure(null)).toThrow(ZodError);
    expect(() => normalizeProcedure(record({ code: undefined }))).toThrow(ZodError);
    expect(() => normalizeProcedure(record({ name: '  ' }))).toThrow(ZodError);
    expect(() => normalizeProcedure(record({ levels: [] }))).toThrow(ZodError);
    expect(() => normalizeProcedure(record({ levels: ['Cấp thôn'] }))).toThrow(ZodError);
    expect(() => normalizeProcedure(record({ submissionChannels: [channel({ channel: 'Fax' })] }))).toThrow(
      ZodError,
    );
    expect(() =>
      normalizeProcedure(record({ submissionChannels: [channel({ processingTime: -1 })] })),
    ).toThrow(ZodError);
    expect(() => normalizeProcedure(record({ requiredDocuments: 'none' }))).toThrow(ZodError);
  });

  it('keeps unknown fields through the raw schema (loose)', () => {
    const parsed = rawProcedureSchema.parse(record({ extra: 42 }));
    expect((parsed as Json).extra).toBe(42);
  });

  it('deduplicates the legal basis and cuts words the source glued onto document numbers', () => {
    const p = normalizeProcedure(
      record({
        legalBasisRefs: ['123/2015/NĐ-CP', '123/2015/NĐ-CPNgh', '60/2014/QH1360', ' ', '60/2014/QH13'],
      }),
    );
    expect(p.legalBasis).toEqual(['123/2015/NĐ-CP', '60/2014/QH13']);
  });

  it('writes a source note that names the dump and the provenance file', () => {
    const p = normalizeProcedure(record());
    expect(p.sourceNote).toBe(
      'Cơ sở dữ liệu quốc gia về TTHC (dichvucong.gov.vn), qua chatbot-tthc/chatbot_tthc@53229487; xem seed-data/PROVENANCE.md',
    );
  });
});

describe('normalizeProcedure: channels and processing time', () => {
  it('maps channels and units, keeping the raw texts and notes', () => {
    const p = normalizeProcedure(
      record({
        submissionChannels: [
          channel({ channel: 'Trực tuyến', note: ' Nộp\u00a0qua Cổng ' }),
          channel({ channel: 'Dịch vụ bưu chính' }),
          channel(),
        ],
      }),
    );
    expect(p.channels.map((c) => c.channel)).toEqual(['online', 'post', 'counter']);
    expect(p.channels[0]).toEqual({
      channel: 'online',
      processingTimeValue: 3,
      processingTimeUnit: 'working_days',
      processingTimeText: '3 Ngày làm việc',
      feeAmountVnd: 0,
      feeText: 'Miễn phí',
      note: 'Nộp qua Cổng',
    });
  });

  it.each([
    ['Ngày làm việc', 'working_days'],
    ['Ngày', 'calendar_days'],
    ['Giờ', 'hours'],
    [null, null],
  ])('maps the unit %j to %j', (unit, expected) => {
    const p = normalizeProcedure(record({ submissionChannels: [channel({ processingTimeUnit: unit })] }));
    expect(p.channels[0]?.processingTimeUnit).toBe(expected);
    expect(p.processingTimeUnit).toBe(expected);
  });

  it('takes the statutory time from the first counter row', () => {
    const p = normalizeProcedure(
      record({
        submissionChannels: [
          channel({ channel: 'Trực tuyến', processingTimeRaw: '2 Ngày làm việc', processingTime: 2 }),
          channel({ processingTimeRaw: '5 Ngày làm việc', processingTime: 5 }),
          channel({ processingTimeRaw: '7 Ngày làm việc', processingTime: 7 }),
        ],
      }),
    );
    expect(p.processingTimeValue).toBe(5);
    expect(p.processingTimeText).toBe('5 Ngày làm việc');
  });

  it('takes the first row when there is no counter row', () => {
    const p = normalizeProcedure(
      record({
        submissionChannels: [
          channel({ channel: 'Trực tuyến', processingTimeRaw: '1 Ngày làm việc', processingTime: 1 }),
          channel({ channel: 'Dịch vụ bưu chính' }),
        ],
      }),
    );
    expect(p.processingTimeValue).toBe(1);
  });

  it('flags a bare number without unit and never invents one', () => {
    const p = normalizeProcedure(
      record({
        submissionChannels: [
          channel({ processingTimeRaw: '1', processingTime: 1, processingTimeUnit: null }),
        ],
      }),
    );
    expect(p.processingTimeValue).toBe(1);
    expect(p.processingTimeUnit).toBeNull();
    const [flag, ...rest] = flagsOf(p, 'processing_time');
    expect(rest).toEqual([]);
    expect(flag?.rawValue).toBe('1');
    expect(flag?.reason).toContain(
      'Nguồn chỉ ghi số 1, không ghi đơn vị; cần xác nhận là ngày làm việc, ngày hay giờ.',
    );
    // The default process assumes working days, and the flag says so.
    expect(flag?.reason).toContain('ngày làm việc');
    expect(p.internalProcess.reduce((s, step) => s + step.durationValue, 0)).toBe(8);
  });

  it('flags an unrecognised unit as unknown', () => {
    const p = normalizeProcedure(
      record({
        submissionChannels: [
          channel({ processingTimeRaw: '2 Tháng', processingTime: 2, processingTimeUnit: 'Tháng' }),
        ],
      }),
    );
    expect(p.processingTimeUnit).toBeNull();
    expect(flagsOf(p, 'processing_time')[0]?.reason).toContain('“Tháng” không nhận diện được');
  });

  it('keeps calendar days but flags them as possibly meaning working days', () => {
    const p = normalizeProcedure(
      record({
        submissionChannels: [
          channel({ processingTimeRaw: '15 Ngày', processingTime: 15, processingTimeUnit: 'Ngày' }),
        ],
      }),
    );
    expect(p.processingTimeUnit).toBe('calendar_days');
    const flags = flagsOf(p, 'processing_time');
    expect(flags).toHaveLength(1);
    expect(flags[0]?.rawValue).toBe('15 Ngày');
    expect(flags[0]?.reason).toMatch(/ngày làm việc, cần xác nhận/);
  });

  it('does not flag working days or hours', () => {
    const hours = normalizeProcedure(
      record({
        submissionChannels: [
          channel({ processingTimeRaw: '1 Giờ', processingTime: 1, processingTimeUnit: 'Giờ' }),
        ],
      }),
    );
    expect(hours.processingTimeUnit).toBe('hours');
    expect(hours.flags).toEqual([]);
    expect(hours.internalProcess.reduce((s, step) => s + step.durationValue, 0)).toBe(1);
  });

  it('flags a missing time and falls back to a one-day default process', () => {
    const p = normalizeProcedure(
      record({
        submissionChannels: [
          channel({
            processingTimeRaw: 'Không có thông tin',
            processingTime: null,
            processingTimeUnit: null,
          }),
        ],
      }),
    );
    expect(p.processingTimeValue).toBeNull();
    expect(p.processingTimeUnit).toBeNull();
    expect(p.processingTimeText).toBe('Không có thông tin');
    expect(flagsOf(p, 'processing_time')[0]?.rawValue).toBe('Không có thông tin');
    expect(flagsOf(p, 'internal_process')).toHaveLength(1);
    expect(p.internalProcess).toEqual(defaultInternalProcess(1, 'working_days'));
  });

  it('treats a zero time as unknown, not as "immediately"', () => {
    const p = normalizeProcedure(
      record({
        submissionChannels: [
          channel({ processingTimeRaw: '0', processingTime: 0, processingTimeUnit: null }),
        ],
      }),
    );
    expect(p.processingTimeValue).toBeNull();
    expect(p.channels[0]?.processingTimeValue).toBe(0);
    expect(flagsOf(p, 'processing_time')).toHaveLength(1);
    expect(flagsOf(p, 'processing_time')[0]?.reason).toContain('bằng 0');
    expect(flagsOf(p, 'internal_process')).toHaveLength(1);
  });

  it('flags rows that disagree, listing each distinct time once', () => {
    const p = normalizeProcedure(
      record({
        submissionChannels: [
          channel({
            channel: 'Trực tuyến',
            processingTimeRaw: '20 Ngày',
            processingTime: 20,
            processingTimeUnit: 'Ngày',
          }),
          channel({
            channel: 'Dịch vụ bưu chính',
            processingTimeRaw: '20 Ngày',
            processingTime: 20,
            processingTimeUnit: 'Ngày',
          }),
          channel({ processingTimeRaw: '15 Ngày', processingTime: 15, processingTimeUnit: 'Ngày' }),
        ],
      }),
    );
    expect(p.processingTimeValue).toBe(15);
    const disagreement = flagsOf(p, 'processing_time').find((f) => f.reason.includes('khác nhau'));
    expect(disagreement?.rawValue).toBe('20 Ngày | 15 Ngày');
    expect(disagreement?.reason).toContain('20 Ngày (Trực tuyến, Dịch vụ bưu chính); 15 Ngày (Trực tiếp)');
  });

  it('flags a record without any channel row', () => {
    const p = normalizeProcedure(record({ submissionChannels: [] }));
    expectValid(p);
    expect(p.channels).toEqual([]);
    expect(p.processingTimeValue).toBeNull();
    expect(p.feeAmountVnd).toBeNull();
    expect(p.flags.map((f) => f.attribute).sort()).toEqual(['fee', 'internal_process', 'processing_time']);
  });
});

describe('normalizeProcedure: fee', () => {
  it('accepts 0 for "Miễn phí" without a flag', () => {
    const p = normalizeProcedure(record());
    expect(p.feeAmountVnd).toBe(0);
    expect(flagsOf(p, 'fee')).toEqual([]);
  });

  it('takes the counter row amount and the raw text', () => {
    const p = normalizeProcedure(
      record({ submissionChannels: [channel({ feeRaw: '8,000 VNĐ', feeAmountVnd: 8000 })] }),
    );
    expect(p.feeAmountVnd).toBe(8000);
    expect(p.feeText).toBe('8,000 VNĐ');
    expect(flagsOf(p, 'fee')).toEqual([]);
  });

  it('flags a fee the People’s Council sets, in the note or in the fee text', () => {
    const note = normalizeProcedure(
      record({
        submissionChannels: [
          channel({
            feeRaw: '8,000 Việt Nam Đồng',
            feeAmountVnd: 8000,
            note: '(Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh, thành phố trực thuộc Trung ương quyết định.)',
          }),
        ],
      }),
    );
    expect(note.feeAmountVnd).toBe(8000);
    expect(flagsOf(note, 'fee')).toHaveLength(1);
    expect(flagsOf(note, 'fee')[0]?.reason).toContain('HĐND');
    expect(flagsOf(note, 'fee')[0]?.rawValue).toContain('Hội đồng nhân dân');

    const abbreviated = normalizeProcedure(
      record({ submissionChannels: [channel({ feeRaw: 'Theo mức thu của HĐND tỉnh', feeAmountVnd: null })] }),
    );
    expect(flagsOf(abbreviated, 'fee')).toHaveLength(1);
  });

  it('flags "Không có thông tin"', () => {
    const p = normalizeProcedure(
      record({
        submissionChannels: [
          channel({ feeRaw: 'Không có thông tin', feeAmountVnd: null, feeCurrency: null }),
        ],
      }),
    );
    expect(p.feeAmountVnd).toBeNull();
    expect(p.feeText).toBe('Không có thông tin');
    expect(flagsOf(p, 'fee')).toEqual([
      {
        attribute: 'fee',
        rawValue: 'Không có thông tin',
        reason:
          'Nguồn ghi “Không có thông tin” về phí, lệ phí; cần xác nhận thủ tục miễn phí hay có thu và mức thu.',
      },
    ]);
  });

  it('does not take a foreign-currency amount as đồng', () => {
    const p = normalizeProcedure(
      record({ submissionChannels: [channel({ feeRaw: '10 USD', feeAmountVnd: 10, feeCurrency: 'USD' })] }),
    );
    expect(p.feeAmountVnd).toBeNull();
    expect(flagsOf(p, 'fee')[0]?.reason).toContain('ngoại tệ');
  });

  it('flags an amount that is not a whole number of đồng', () => {
    const p = normalizeProcedure(
      record({ submissionChannels: [channel({ feeRaw: '2.5 nghìn', feeAmountVnd: 2.5 })] }),
    );
    expect(p.feeAmountVnd).toBeNull();
    expect(flagsOf(p, 'fee')[0]?.reason).toContain('Không đọc được số tiền');
  });

  it('flags rows with different fees', () => {
    const p = normalizeProcedure(
      record({
        submissionChannels: [
          channel({ channel: 'Trực tuyến', feeRaw: '10,000 Việt Nam Đồng', feeAmountVnd: 10000 }),
          channel({ feeRaw: '20,000 Việt Nam Đồng', feeAmountVnd: 20000 }),
        ],
      }),
    );
    expect(p.feeAmountVnd).toBe(20000);
    expect(flagsOf(p, 'fee')).toHaveLength(1);
    expect(flagsOf(p, 'fee')[0]?.rawValue).toBe('10,000 Việt Nam Đồng | 20,000 Việt Nam Đồng');
  });

  it('raises one flag, not two, when the council sets a fee the portal does not show', () => {
    const p = normalizeProcedure(
      record({
        submissionChannels: [
          channel({
            feeRaw: 'Không có thông tin',
            feeAmountVnd: null,
            feeCurrency: null,
            note: '(Theo quy định của Hội đồng nhân dân cấp tỉnh)',
          }),
        ],
      }),
    );
    expect(flagsOf(p, 'fee')).toHaveLength(1);
    expect(flagsOf(p, 'fee')[0]?.reason).toContain('HĐND');
  });
});

describe('normalizeProcedure: online mode', () => {
  it('marks a listed online channel as partial (level 3) and asks to confirm', () => {
    const p = normalizeProcedure(
      record({
        onlineSubmissionListed: true,
        channelsOffered: ['Trực tiếp', 'Trực tuyến'],
        submissionChannels: [channel(), channel({ channel: 'Trực tuyến' })],
      }),
    );
    expect(p.onlineMode).toBe('partial');
    expect(p.onlineLevel).toBe(3);
    expect(flagsOf(p, 'online_mode')).toEqual([
      {
        attribute: 'online_mode',
        rawValue: 'Trực tiếp, Trực tuyến',
        reason:
          'Cổng DVC quốc gia có liệt kê nộp trực tuyến; cần xác nhận toàn trình hay một phần theo danh mục của tỉnh.',
      },
    ]);
  });

  it('marks no online channel as none, without a flag', () => {
    const p = normalizeProcedure(record({ onlineSubmissionListed: false }));
    expect(p.onlineMode).toBe('none');
    expect(p.onlineLevel).toBeNull();
    expect(flagsOf(p, 'online_mode')).toEqual([]);
  });
});

describe('normalizeProcedure: required documents', () => {
  it('parses quantities, form names and headings, and skips empty names', () => {
    const p = normalizeProcedure(
      record({
        requiredDocuments: [
          {
            group: '* Giấy tờ phải nộp:',
            documents: [
              { name: 'Tờ khai đăng ký khai sinh', form: 'TKKS.docx', quantity: '1 bản chính' },
              { name: 'Giấy chứng sinh', form: null, quantity: '0 bản chính,1 bản sao' },
              { name: '  ', form: null, quantity: '1 bản chính' },
              {
                name: 'Bản khai',
                form: 'https://example.gov.vn/mau/M%E1%BA%ABu%2001.docx',
                quantity: '01 bản sao',
              },
            ],
          },
          { group: '--', documents: [{ name: 'Ghi chú', form: null, quantity: '0 bản chính' }] },
          { group: null, documents: [] },
        ],
      }),
    );
    expectValid(p);
    expect(p.requiredDocuments).toEqual([
      {
        group: '* Giấy tờ phải nộp:',
        documents: [
          {
            name: 'Tờ khai đăng ký khai sinh',
            originals: 1,
            copies: 0,
            formName: 'TKKS.docx',
            formUrl: null,
          },
          { name: 'Giấy chứng sinh', originals: 0, copies: 1, formName: null, formUrl: null },
          {
            name: 'Bản khai',
            originals: 0,
            copies: 1,
            formName: 'Mẫu 01.docx',
            formUrl: 'https://example.gov.vn/mau/M%E1%BA%ABu%2001.docx',
          },
        ],
      },
      {
        group: null,
        documents: [{ name: 'Ghi chú', originals: 0, copies: 0, formName: null, formUrl: null }],
      },
    ]);
    expect(flagsOf(p, 'required_documents')).toEqual([]);
  });

  it('sets 0/0 for unknown quantities and flags them once per procedure', () => {
    const p = normalizeProcedure(
      record({
        requiredDocuments: [
          {
            group: null,
            documents: [
              { name: 'Bản khai theo mẫu BM.NCC.20.', form: null, quantity: '031 bản chính' },
              { name: 'Văn bản cam kết … ngày 25/6/', form: null, quantity: '20241 bản chính' },
              { name: 'Đơn đề nghị', form: null, quantity: '1 bản chính' },
            ],
          },
        ],
      }),
    );
    const docs = p.requiredDocuments[0]?.documents ?? [];
    expect(docs.map((d) => [d.originals, d.copies])).toEqual([
      [0, 0],
      [0, 0],
      [1, 0],
    ]);
    const flags = flagsOf(p, 'required_documents');
    expect(flags).toHaveLength(1);
    expect(flags[0]?.rawValue).toBe('031 bản chính | 20241 bản chính');
    expect(flags[0]?.reason).toContain('2 giấy tờ');
  });

  it('flags a dossier the source parse could not split', () => {
    const p = normalizeProcedure(
      record({ requiredDocuments: [], requiredDocumentsRaw: 'Tên giấy tờ… Đơn đề nghị' }),
    );
    expect(p.requiredDocuments).toEqual([]);
    expect(flagsOf(p, 'required_documents')[0]?.reason).toContain('Không tách được');
    expect(
      flagsOf(
        normalizeProcedure(record({ requiredDocuments: [], requiredDocumentsRaw: null })),
        'required_documents',
      ),
    ).toEqual([]);
  });

  it('flags rows the scraper cut or glued ("hoặc", a dangling parenthesis)', () => {
    const p = normalizeProcedure(
      record({
        requiredDocuments: [
          {
            group: null,
            documents: [
              { name: 'Giấy phép xây dựng (', form: null, quantity: '01 bản chính' },
              { name: 'hoặc', form: null, quantity: '01 bản sao' },
              { name: 'a) Đơn đăng ký nhu cầu hỗ trợ', form: null, quantity: '1 bản chính' },
            ],
          },
        ],
      }),
    );
    const flags = flagsOf(p, 'required_documents');
    expect(flags).toHaveLength(1);
    expect(flags[0]?.rawValue).toBe('Giấy phép xây dựng ( | hoặc');
  });

  it('clips names beyond the schema limit and flags them', () => {
    const p = normalizeProcedure(
      record({
        requiredDocuments: [
          { group: null, documents: [{ name: 'Lưu ý '.repeat(700), quantity: '0 bản chính' }] },
        ],
      }),
    );
    expectValid(p);
    expect(p.requiredDocuments[0]?.documents[0]?.name).toHaveLength(3000);
    expect(flagsOf(p, 'required_documents')[0]?.reason).toContain('3000 ký tự');
  });
});

describe('seed-data/procedures.json', () => {
  const raw: unknown[] = JSON.parse(
    readFileSync(new URL('../../../../seed-data/procedures.json', import.meta.url), 'utf8'),
  );
  const all = raw.map((r) => normalizeProcedure(r));
  const count = (attribute: ProcedureFlagDraft['attribute']) =>
    all.reduce((n, p) => n + flagsOf(p, attribute).length, 0);

  it('normalises all 248 records into valid, distinct procedures', () => {
    expect(all).toHaveLength(248);
    expect(new Set(all.map((p) => p.code)).size).toBe(248);
    for (const p of all) {
      expectValid(p);
      expect(p.levels).toContain('commune');
      expect(p.internalProcess).toHaveLength(5);
    }
  });

  it('budgets the default process to exactly the statutory time wherever a time exists', () => {
    let withTime = 0;
    for (const p of all) {
      const hours = statutoryWorkingHours(p.processingTimeValue, p.processingTimeUnit);
      const sum = p.internalProcess.reduce((s, step) => s + step.durationValue, 0);
      if (hours === null) {
        expect(sum, p.code).toBe(8);
        expect(flagsOf(p, 'internal_process'), p.code).toHaveLength(1);
      } else {
        withTime++;
        const expected =
          p.processingTimeUnit === 'hours' || p.processingTimeUnit === 'working_hours'
            ? (p.processingTimeValue ?? 0)
            : (p.processingTimeValue ?? 0) * 8;
        expect(sum, p.code).toBe(expected);
        expect(flagsOf(p, 'internal_process'), p.code).toEqual([]);
      }
    }
    expect(withTime).toBeGreaterThan(200);
  });

  it('flags a plausible number of doubtful values', () => {
    // 137 "Ngày" and 129 unit-less rows, 39 "Không có thông tin", 21 procedures with disagreeing rows.
    expect(count('processing_time')).toBeGreaterThan(100);
    expect(all.filter((p) => p.processingTimeUnit === null && p.processingTimeValue !== null).length).toBe(
      44,
    );
    // onlineSubmissionListed is true for 212 of 248 (PROVENANCE.md), and each asks for confirmation.
    expect(count('online_mode')).toBe(212);
    expect(all.filter((p) => p.onlineMode === 'partial')).toHaveLength(212);
    // HĐND notes and "Không có thông tin" are common.
    expect(count('fee')).toBeGreaterThan(50);
    expect(count('required_documents')).toBeGreaterThan(5);
    expect(count('required_documents')).toBeLessThan(60);
    expect(count('internal_process')).toBe(all.filter((p) => p.processingTimeValue === null).length);
  });

  it('writes every flag reason as a Vietnamese sentence', () => {
    for (const p of all) {
      for (const f of p.flags) {
        expect(f.reason, p.code).toMatch(/[ạảãấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/);
        expect(f.reason.trim().endsWith('.'), `${p.code}: ${f.reason}`).toBe(true);
      }
    }
  });

  it('normalises 1.001193 (đăng ký khai sinh) at commune level with its dossier', () => {
    const p = all.find((x) => x.code === '1.001193');
    expect(p).toBeDefined();
    if (!p) return;
    expect(p.name).toBe('Thủ tục đăng ký khai sinh');
    expect(p.levels).toEqual(['commune']);
    expect(p.field).toBe('Hộ tịch');
    expect(p.resultText).toBe('Giấy khai sinh');
    // The portal shows a bare "1": kept, unit unknown, flagged.
    expect(p.processingTimeValue).toBe(1);
    expect(p.processingTimeUnit).toBeNull();
    expect(flagsOf(p, 'processing_time')[0]?.reason).toContain('Nguồn chỉ ghi số 1, không ghi đơn vị');
    expect(p.feeAmountVnd).toBe(0);
    expect(p.channels.map((c) => c.channel).sort()).toEqual(['counter', 'online', 'post']);

    const submitted = p.requiredDocuments.find((g) => g.group === '* Giấy tờ phải nộp:');
    const birthCertificate = submitted?.documents.find((d) => d.name.startsWith('- Giấy chứng sinh'));
    expect(birthCertificate).toMatchObject({ originals: 1, copies: 0 });
    const shown = p.requiredDocuments.find((g) => g.group === '* Giấy tờ phải xuất trình:');
    expect(shown?.documents.some((d) => d.name.includes('giấy tờ tùy thân'))).toBe(true);
    expect(flagsOf(p, 'required_documents')).toEqual([]);
    expect(p.legalBasis).toContain('123/2015/NĐ-CP');
    expect(p.legalBasis.every((ref) => !/Ngh$/.test(ref))).toBe(true);
    expect(p.sourceUrl).toMatch(/^https:\/\/dichvucong\.gov\.vn\//);
  });
});
