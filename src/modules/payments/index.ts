// What other modules use of the payments module.
export {
  type DossierPayment,
  dossierPayment,
  PAYMENT_STATUS_LABELS,
  type PaymentStatus,
} from './payment-status.ts';
export { type PaymentsOptions, paymentsRoutes } from './routes.ts';
