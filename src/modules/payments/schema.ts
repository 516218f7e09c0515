import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { procedures } from '../catalog/schema.ts';

// Online payment of a dossier's fee. Orders and the gateway's notifications are large tables: they carry the
// dossier's `owner_unit_id` first in their keys. The per-procedure setting is a small reference table.

export const paymentOrderStates = ['pending', 'paid', 'failed', 'cancelled', 'expired', 'refunded'] as const;
export type PaymentOrderState = (typeof paymentOrderStates)[number];

/** One attempt to pay a dossier's fee through the gateway (vnp_TxnRef). */
export const paymentOrders = pgTable(
  'payment_orders',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** vnp_TxnRef: unique per merchant; the gateway's notifications name the order by it alone. */
    txnRef: varchar('txn_ref', { length: 40 }).notNull(),
    dossierId: uuid('dossier_id').notNull(),
    dossierCode: varchar('dossier_code', { length: 60 }),
    receivingAgencyId: uuid('receiving_agency_id').notNull(),
    provider: varchar('provider', { length: 20 }).notNull(),
    amountVnd: integer('amount_vnd').notNull(),
    state: varchar('state', { length: 20, enum: paymentOrderStates }).notNull(),
    orderInfo: text('order_info').notNull(),
    /** vnp_CreateDate (yyyyMMddHHmmss, Vietnam time): querydr and refund name the transaction by it. */
    gatewayCreateDate: varchar('gateway_create_date', { length: 14 }).notNull(),
    paymentUrl: text('payment_url').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** What the gateway reported (IPN, or querydr for the record): its transaction number, bank, codes. */
    transactionNo: varchar('transaction_no', { length: 30 }),
    bankCode: varchar('bank_code', { length: 20 }),
    bankTranNo: varchar('bank_tran_no', { length: 255 }),
    cardType: varchar('card_type', { length: 20 }),
    payDate: varchar('pay_date', { length: 14 }),
    responseCode: varchar('response_code', { length: 4 }),
    transactionStatus: varchar('transaction_status', { length: 4 }),
    /** Set only by a verified IPN. */
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    /** The gateway's querydr answer disagrees with us (e.g. it says paid, no IPN has confirmed it yet). */
    gatewayNote: text('gateway_note'),
    // The pending-order check (querydr): a Postgres-backed job, claimed with a lease so a crash loses nothing.
    nextCheckAt: timestamp('next_check_at', { withTimezone: true }),
    checkAttempts: integer('check_attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastCheckError: text('last_check_error'),
    refundedAt: timestamp('refunded_at', { withTimezone: true }),
    refundedBy: uuid('refunded_by'),
    refundReason: text('refund_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    uniqueIndex('payment_orders_txn_ref_uq').on(t.ownerUnitId, t.txnRef),
    // The IPN and return URL carry only vnp_TxnRef (on Citus a fan-out to each shard's index).
    index('payment_orders_txn_ref_idx').on(t.txnRef),
    index('payment_orders_dossier_idx').on(t.ownerUnitId, t.dossierId, t.createdAt),
    index('payment_orders_agency_created_idx').on(t.receivingAgencyId, t.createdAt),
    index('payment_orders_check_idx').on(t.nextCheckAt).where(sql`${t.state} = 'pending'`),
  ],
);

/** Every message exchanged with the gateway about an order, kept for audit: raw parameters and our verdict. */
export const paymentNotifications = pgTable(
  'payment_notifications',
  {
    /** The order's unit; the nil UUID when the message names no order we know. */
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    /** ipn | return | querydr | refund */
    kind: varchar('kind', { length: 12 }).notNull(),
    txnRef: varchar('txn_ref', { length: 100 }),
    orderId: uuid('order_id'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    signatureValid: boolean('signature_valid'),
    /** Our answer or conclusion: the IPN's RspCode, the gateway's response code, or `timeout`. */
    verdict: varchar('verdict', { length: 20 }).notNull(),
    message: text('message'),
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    response: jsonb('response').$type<Record<string, unknown>>(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    index('payment_notifications_order_idx').on(t.ownerUnitId, t.orderId, t.id),
    index('payment_notifications_received_idx').on(t.receivedAt),
  ],
);

/** When a procedure's fee becomes payable online: at receipt by the desk (default) or at submission. */
export const paymentProcedureSettings = pgTable('payment_procedure_settings', {
  procedureId: uuid('procedure_id')
    .primaryKey()
    .references(() => procedures.id, { onDelete: 'cascade' }),
  payableAt: varchar('payable_at', { length: 12, enum: ['receipt', 'submission'] }).notNull(),
  onlinePayment: boolean('online_payment').notNull().default(true),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
