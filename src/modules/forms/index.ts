// Public API of the one-stop form printer (pure: plain data in, PDF/XLSX bytes out; no database, no HTTP).
export { apologyPdf } from './apology.ts';
export { controlSheetPdf } from './control-sheet.ts';
export { dateLine, formatDate, formatDateTime, formatTime } from './format.ts';
export {
  type Apology,
  type ApologyInput,
  apologyInputSchema,
  type ControlSheet,
  type ControlSheetInput,
  controlSheetInputSchema,
  type FormHeader,
  type FormKind,
  formKinds,
  type Handover,
  headerSchema,
  type Receipt,
  type ReceiptInput,
  type Refusal,
  type RefusalInput,
  type RuleProfile,
  receiptInputSchema,
  refusalInputSchema,
  ruleProfiles,
  type StopNotice,
  type StopNoticeInput,
  type SupplementRequest,
  type SupplementRequestInput,
  stopNoticeInputSchema,
  supplementRequestInputSchema,
  type TrackingBook,
  type TrackingBookInput,
  type TrackingColumn,
  type TrackingRow,
  trackingBookInputSchema,
  trackingColumns,
} from './forms.types.ts';
export {
  FormNotInProfileError,
  formNumber,
  formTitle,
  legalBasisLine,
  paperSize,
  requireFormNumber,
} from './profiles.ts';
export { receiptPdf } from './receipt.ts';
export { refusalPdf } from './refusal.ts';
export { stopNoticePdf } from './stop-notice.ts';
export { supplementRequestPdf } from './supplement-request.ts';
export { trackingBookPdf, trackingBookXlsx } from './tracking-book.ts';
