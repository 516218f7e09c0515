import { z } from 'zod';

// Inputs of the one-stop forms (rules.md §1.2). Plain data in, validated here once; the renderers trust the
// parsed output. Every text is trimmed and NFC-normalised: decomposed Vietnamese (from some keyboards and
// copy-pastes) would otherwise be shaped as base letter + combining marks and extract badly from the PDF.

export const ruleProfiles = ['nd61-2018', 'nd118-2025'] as const;
export const ruleProfileSchema = z.enum(ruleProfiles);
export type RuleProfile = z.infer<typeof ruleProfileSchema>;

export const formKinds = [
  'receipt',
  'supplement-request',
  'refusal',
  'apology',
  'stop-notice',
  'control-sheet',
  'tracking-book',
] as const;
export type FormKind = (typeof formKinds)[number];

const text = (max = 500) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .transform((s) => s.normalize('NFC'));

/** A date-time: a Date or an ISO 8601 string with an offset (no local-time guessing). */
export const dateTimeSchema = z
  .union([z.date(), z.iso.datetime({ offset: true })])
  .transform((v) => (v instanceof Date ? v : new Date(v)));

/** Not the strict Circular 01/2018 art. 19 pattern: the format must stay configurable (decision 8). */
export const dossierCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'invalid dossier code');

const lookupUrlSchema = z.url({ protocol: /^https?$/ }).max(2000);

export const DEFAULT_NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const DEFAULT_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

export const headerSchema = z.object({
  /** Governing body printed above the agency, e.g. "UBND PHƯỜNG VỊ THANH". */
  parentAgency: text(200).optional(),
  /** Issuing agency, e.g. "BỘ PHẬN MỘT CỬA". */
  agency: text(200),
  /** Place name of the date line, e.g. "Vị Thanh". */
  place: text(100),
  nationalName: text(100).default(DEFAULT_NATIONAL_NAME),
  motto: text(100).default(DEFAULT_MOTTO),
});
export type FormHeader = z.infer<typeof headerSchema>;

export const applicantSchema = z.object({
  name: text(200),
  address: text(500).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 .()-]{6,20}$/, 'invalid phone number')
    .optional(),
  email: z.email().max(200).optional(),
  /** CCCD: 12 digits, no check digit (decision 8). Printed only when given (decree 13/2023: minimum data). */
  citizenId: z
    .string()
    .regex(/^\d{12}$/, 'a citizen ID has 12 digits')
    .optional(),
});
export type Applicant = z.infer<typeof applicantSchema>;

export const procedureRefSchema = z.object({
  name: text(1000),
  /** National TTHC code, e.g. "1.000689". */
  code: text(50).optional(),
});

export const personSchema = z.object({
  name: text(200),
  /** Position or unit shown under the name, e.g. "Công chức Tư pháp - Hộ tịch". */
  title: text(200).optional(),
});

/** The head who signs a letter-like form: "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH". */
export const signerSchema = z.object({
  authority: text(200).optional(),
  position: text(200),
  name: text(200).optional(),
});

/** Same vocabulary as the catalog's processing-time units. */
export const timeUnits = ['working_days', 'calendar_days', 'hours', 'working_hours'] as const;

export const resultChannels = ['counter', 'post', 'online'] as const;
export const resultChannelSchema = z.enum(resultChannels);
export type ResultChannel = z.infer<typeof resultChannelSchema>;

const count = z.number().int().min(0).max(99);

export const documentLineSchema = z.object({
  name: text(1000),
  originals: count.default(0),
  certifiedCopies: count.default(0),
  copies: count.default(0),
});

/** Fields shared by every form. */
const formBase = {
  ruleProfile: ruleProfileSchema,
  header: headerSchema,
  /** PDF creation date; defaults to the document's own date so the same input gives the same bytes. */
  generatedAt: dateTimeSchema.optional(),
  /** Overrides the profile's "Ban hành kèm theo …" line (the Circular 03/2025 date is UNCONFIRMED). */
  legalBasis: text(300).optional(),
};

/** Fields of the letter-like forms (number and dated place line). */
const letterBase = {
  ...formBase,
  /** "Số: …" in the header, e.g. "125/TNHS". */
  documentNumber: text(50).optional(),
  /** Date of the date line. */
  issuedAt: dateTimeSchema,
};

const after = (later: Date, earlier: Date) => later.getTime() > earlier.getTime();

export const receiptInputSchema = z
  .object({
    ...letterBase,
    dossierCode: dossierCodeSchema,
    /** Printed beside the code: with it, anyone holding the receipt can track the dossier. */
    trackingCheck: z
      .string()
      .regex(/^[A-Z0-9]{4,8}$/)
      .optional(),
    /** Public status look-up URL, printed as a QR code. */
    lookupUrl: lookupUrlSchema.optional(),
    applicant: applicantSchema,
    procedure: procedureRefSchema,
    documents: z.array(documentLineSchema).min(1).max(200),
    setCount: z.number().int().min(1).max(99).default(1),
    processingTime: z.object({ amount: z.number().positive().max(10_000), unit: z.enum(timeUnits) }),
    receivedAt: dateTimeSchema,
    appointmentAt: dateTimeSchema,
    resultChannel: resultChannelSchema,
    /** Where exactly: the desk's address, the postal address, or the portal account. */
    resultChannelNote: text(500).optional(),
    fee: z.object({ amountVnd: z.number().int().min(0), note: text(300).optional() }).optional(),
    /** "Vào Sổ theo dõi hồ sơ, Quyển số … Số thứ tự …". */
    bookEntry: z.object({ bookNumber: text(20), sequence: z.number().int().min(1) }).optional(),
    officer: personSchema,
    hotline: text(50).optional(),
  })
  .refine((v) => after(v.appointmentAt, v.receivedAt), {
    path: ['appointmentAt'],
    message: 'the appointment must be after the time received',
  });
export type ReceiptInput = z.input<typeof receiptInputSchema>;
export type Receipt = z.output<typeof receiptInputSchema>;

export const supplementStages = ['intake', 'appraisal'] as const;

export const supplementRequestInputSchema = z.object({
  ...letterBase,
  dossierCode: dossierCodeSchema.optional(),
  lookupUrl: lookupUrlSchema.optional(),
  applicant: applicantSchema,
  procedure: procedureRefSchema,
  /** At the desk's completeness check, or returned after appraisal (Decree 61 art. 19(4)). */
  stage: z.enum(supplementStages).default('intake'),
  receivedAt: dateTimeSchema.optional(),
  items: z
    .array(documentLineSchema.extend({ requirement: text(1000).optional() }))
    .min(1)
    .max(200),
  reason: text(2000),
  /** Where the applicant can read the rules, e.g. the procedure's page on the National Portal. */
  guidanceSource: text(500).optional(),
  contact: z.object({ name: text(200), phone: text(50).optional() }),
  officer: personSchema,
});
export type SupplementRequestInput = z.input<typeof supplementRequestInputSchema>;
export type SupplementRequest = z.output<typeof supplementRequestInputSchema>;

export const refusalInputSchema = z.object({
  ...letterBase,
  /** Absent when refused at the counter before a code was given. */
  dossierCode: dossierCodeSchema.optional(),
  applicant: applicantSchema,
  procedure: procedureRefSchema,
  receivedAt: dateTimeSchema.optional(),
  reasons: z.array(text(2000)).min(1).max(50),
  guidance: text(2000).optional(),
  officer: personSchema,
});
export type RefusalInput = z.input<typeof refusalInputSchema>;
export type Refusal = z.output<typeof refusalInputSchema>;

const DEFAULT_RECIPIENTS = ['Như trên;', 'Lưu: VT.'];

export const apologyInputSchema = z
  .object({
    ...letterBase,
    dossierCode: dossierCodeSchema,
    lookupUrl: lookupUrlSchema.optional(),
    applicant: applicantSchema,
    procedure: procedureRefSchema,
    /** The office that is late; defaults to the issuing agency. */
    resolvingAgency: text(300).optional(),
    receivedAt: dateTimeSchema,
    originalAppointmentAt: dateTimeSchema,
    newAppointmentAt: dateTimeSchema,
    reason: text(2000),
    recipients: z.array(text(300)).max(20).default(DEFAULT_RECIPIENTS),
    signer: signerSchema,
  })
  .refine((v) => after(v.newAppointmentAt, v.originalAppointmentAt), {
    path: ['newAppointmentAt'],
    message: 'the new appointment must be after the original one',
  });
export type ApologyInput = z.input<typeof apologyInputSchema>;
export type Apology = z.output<typeof apologyInputSchema>;

export const stopNoticeInputSchema = z.object({
  ...letterBase,
  dossierCode: dossierCodeSchema,
  lookupUrl: lookupUrlSchema.optional(),
  applicant: applicantSchema,
  procedure: procedureRefSchema,
  receivedAt: dateTimeSchema,
  /** When resolving stops; defaults to the notice date. */
  stoppedAt: dateTimeSchema.optional(),
  reasons: z.array(text(2000)).min(1).max(50),
  /** The provision relied on, as the office words it (Circular 03/2025 text is UNCONFIRMED). */
  legalGround: text(1000).optional(),
  guidance: text(2000).optional(),
  recipients: z.array(text(300)).max(20).default(DEFAULT_RECIPIENTS),
  signer: signerSchema,
});
export type StopNoticeInput = z.input<typeof stopNoticeInputSchema>;
export type StopNotice = z.output<typeof stopNoticeInputSchema>;

export const stepResults = ['early', 'on-time', 'late'] as const;
export type StepResult = (typeof stepResults)[number];

const partySchema = z.object({ agency: text(300), person: text(200).optional() });

export const handoverSchema = z.object({
  stepName: text(300),
  from: partySchema,
  to: partySchema,
  at: dateTimeSchema,
  /** The step's own deadline (internal process budget). */
  stepDeadline: dateTimeSchema.optional(),
  /** Absent while the step is still running. */
  result: z.enum(stepResults).optional(),
  note: text(500).optional(),
});
export type Handover = z.infer<typeof handoverSchema>;

export const controlSheetInputSchema = z.object({
  ...letterBase,
  dossierCode: dossierCodeSchema,
  lookupUrl: lookupUrlSchema.optional(),
  /** Number of the receipt the sheet is attached to. */
  receiptNumber: text(50).optional(),
  applicant: applicantSchema,
  procedure: procedureRefSchema,
  receivedAt: dateTimeSchema,
  appointmentAt: dateTimeSchema,
  leadAgency: text(300).optional(),
  coordinatingAgencies: z.array(text(300)).max(50).default([]),
  handovers: z.array(handoverSchema).min(1).max(2000),
});
export type ControlSheetInput = z.input<typeof controlSheetInputSchema>;
export type ControlSheet = z.output<typeof controlSheetInputSchema>;

/** The book's columns are UNCONFIRMED (rules-2 §2.2), so the set is chosen by the caller. */
export const trackingColumns = [
  'sequence',
  'dossierCode',
  'procedure',
  'setCount',
  'applicant',
  'contact',
  'leadAgency',
  'receivedAt',
  'appointmentAt',
  'transferredAt',
  'resultReceivedAt',
  'returnedAt',
  'resultChannel',
  'signature',
  'note',
] as const;
export type TrackingColumn = (typeof trackingColumns)[number];

export const trackingRowSchema = z.object({
  /** Runs from 01 to the end of the year across books (Circular 01/2018 art. 10(2)); defaults to the row index. */
  sequence: z.number().int().min(1).optional(),
  dossierCode: dossierCodeSchema,
  procedureName: text(1000),
  setCount: z.number().int().min(1).max(99).default(1),
  applicantName: text(200),
  applicantAddress: text(500).optional(),
  applicantPhone: text(50).optional(),
  leadAgency: text(300).optional(),
  receivedAt: dateTimeSchema,
  appointmentAt: dateTimeSchema,
  transferredAt: dateTimeSchema.optional(),
  resultReceivedAt: dateTimeSchema.optional(),
  returnedAt: dateTimeSchema.optional(),
  resultChannel: resultChannelSchema.optional(),
  note: text(500).optional(),
});
export type TrackingRow = z.infer<typeof trackingRowSchema>;

export const trackingBookInputSchema = z
  .object({
    ...formBase,
    /** The one-stop desk the book belongs to. */
    desk: text(300),
    period: z.object({ from: dateTimeSchema, to: dateTimeSchema }),
    bookNumber: text(20).optional(),
    columns: z
      .array(z.enum(trackingColumns))
      .min(1)
      .default([...trackingColumns]),
    rows: z.array(trackingRowSchema).max(20_000),
  })
  .refine((v) => !after(v.period.from, v.period.to), {
    path: ['period', 'to'],
    message: 'the period ends before it starts',
  });
export type TrackingBookInput = z.input<typeof trackingBookInputSchema>;
export type TrackingBook = z.output<typeof trackingBookInputSchema>;
