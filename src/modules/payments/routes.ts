import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext, ZodApp } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { requireAdmin, requireOfficer, requireUser } from '../auth/guards.ts';
import { handleIpn, handleReturn } from './gateway-callbacks.ts';
import { dossierPaymentHistory, lastReturnOf } from './payment-history.ts';
import type { PaymentProvider } from './payment-provider.ts';
import { dossierReceipt } from './payment-receipt.ts';
import { dossierPayment } from './payment-status.ts';
import { canRefund, reconciliationScope, visibleDossier } from './payments-access.ts';
import { type PendingCheckOptions, startPendingCheck } from './pending-check.ts';
import { procedureSetting, saveProcedureSetting } from './procedure-settings.ts';
import { reconciliation, reconciliationXlsx } from './reconciliation.ts';
import { refundPayment } from './refund.ts';
import { startPayment } from './start-payment.ts';
import { loadVnpayConfig, type VnpayConfig, VnpayProvider } from './vnpay-provider.ts';

export interface PaymentsOptions {
  /** The gateway; from the VNPAY_* variables when absent, none (online payment off) when null. */
  vnpay?: VnpayConfig | null;
  /** The background querydr check of long-pending orders (on by default when a gateway is configured). */
  pendingCheck?: boolean | Partial<Omit<PendingCheckOptions, 'db' | 'provider' | 'log'>>;
  /** Delay after a payment page expires before its order is first checked (default one minute). */
  checkDelayMs?: number;
}

const idParams = z.object({ id: z.uuid('Mã hồ sơ không hợp lệ.') });
const looseObject = z.object({}).loose();
const dayQuery = z.object({
  day: z.iso.date('Ngày đối soát không hợp lệ (YYYY-MM-DD).'),
  agencyId: z.uuid('Mã cơ quan không hợp lệ.').optional(),
});
const publicBaseUrl = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

/** The raw query parameters exactly as sent (the signature covers them as strings). */
function rawQuery(request: FastifyRequest): Record<string, string> {
  const query = request.raw.url?.split('?')[1] ?? '';
  return Object.fromEntries(new URLSearchParams(query));
}

const pdfReply = (reply: import('fastify').FastifyReply, pdf: Buffer, filename: string) =>
  reply
    .type('application/pdf')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'private, no-store')
    .send(pdf);

export function paymentsRoutes(options: PaymentsOptions = {}) {
  return function registerPaymentRoutes(app: ZodApp, context: AppContext): void {
    const { db } = context;
    const config = options.vnpay === undefined ? loadVnpayConfig() : (options.vnpay ?? undefined);
    const provider: PaymentProvider | undefined = config ? new VnpayProvider(config) : undefined;
    const requireProvider = () => {
      if (!provider)
        throw new AppError(
          'RULE',
          'Cổng thanh toán trực tuyến chưa được cấu hình; vui lòng nộp phí, lệ phí tại Bộ phận Một cửa.',
        );
      return provider;
    };

    if (provider && options.pendingCheck !== false) {
      const check = startPendingCheck({
        db,
        provider,
        log: app.log,
        ...(typeof options.pendingCheck === 'object' ? options.pendingCheck : {}),
      });
      app.addHook('onClose', () => check.stop());
      app.decorate('paymentCheck', check);
    }

    app.get(
      '/api/my/dossiers/:id/payment',
      {
        schema: {
          tags: ['online payment'],
          summary: 'The fee of my dossier: due, pending, paid or refunded, and whether I can pay online now',
          params: idParams,
          querystring: z.object({ txnRef: z.string().max(40).optional() }),
          response: { 200: looseObject },
        },
      },
      async (request) => {
        const principal = requireUser(request);
        const row = await visibleDossier(db, principal, request.params.id);
        const payment = await dossierPayment(db, row);
        const lastReturn = request.query.txnRef ? await lastReturnOf(db, row, request.query.txnRef) : null;
        return {
          ...payment,
          payable: payment.payable && provider !== undefined,
          note:
            payment.payable && !provider ? 'Cổng thanh toán trực tuyến chưa được cấu hình.' : payment.note,
          gateway: provider ? 'VNPAY' : null,
          lastReturn,
        };
      },
    );

    app.post(
      '/api/my/dossiers/:id/payment',
      {
        schema: {
          tags: ['online payment'],
          summary: "Start paying my dossier's fee: answers the gateway's signed payment page URL",
          params: idParams,
          response: {
            200: z.object({ paymentUrl: z.string(), txnRef: z.string(), expiresAt: z.date() }),
          },
        },
      },
      async (request) =>
        startPayment(db, requireProvider, requireUser(request), request.params.id, {
          ipAddr: request.ip,
          returnUrl: `${publicBaseUrl(request)}/api/payments/vnpay/return`,
          ...(options.checkDelayMs !== undefined ? { checkDelayMs: options.checkDelayMs } : {}),
        }),
    );

    app.get(
      '/api/my/dossiers/:id/payment/receipt',
      {
        schema: {
          tags: ['online payment'],
          summary: 'The electronic receipt (biên lai điện tử) of my paid fee, PDF',
          params: idParams,
        },
      },
      async (request, reply) => {
        const { pdf, filename } = await dossierReceipt(db, requireUser(request), request.params.id);
        return pdfReply(reply, pdf, filename);
      },
    );

    app.get(
      '/api/payments/vnpay/return',
      {
        schema: {
          tags: ['online payment'],
          summary: "VNPAY's return URL: the browser comes back; recorded and redirected, never marks paid",
        },
      },
      async (request, reply) => {
        if (!provider) return reply.redirect('/ho-so-cua-toi');
        return reply.redirect(await handleReturn(db, provider, rawQuery(request)));
      },
    );

    app.get(
      '/api/payments/vnpay/ipn',
      {
        schema: {
          tags: ['online payment'],
          summary: "VNPAY's IPN (server to server, signed): the only thing that marks a fee paid",
          description:
            'Answers `{RspCode, Message}`: 00 confirmed, 01 order not found, 02 already confirmed, 04 invalid amount, 97 invalid signature, 99 unknown error. Every call is recorded.',
          response: { 200: z.object({ RspCode: z.string(), Message: z.string() }) },
        },
      },
      async (request) => {
        if (!provider) return { RspCode: '99', Message: 'Unknow error' };
        return handleIpn(db, provider, rawQuery(request));
      },
    );

    app.get(
      '/api/office/dossiers/:id/payment',
      {
        schema: {
          tags: ['online payment'],
          summary: "A dossier's fee, its payment orders and the gateway messages about them (audit)",
          params: idParams,
          response: { 200: looseObject },
        },
      },
      async (request) => {
        const principal = requireOfficer(request);
        const row = await visibleDossier(db, principal, request.params.id);
        return {
          ...(await dossierPayment(db, row)),
          canRefund: canRefund(principal, row.receivingAgencyId),
          ...(await dossierPaymentHistory(db, row)),
        };
      },
    );

    app.get(
      '/api/office/dossiers/:id/payment/receipt',
      {
        schema: {
          tags: ['online payment'],
          summary: 'The electronic receipt of a paid fee, PDF',
          params: idParams,
        },
      },
      async (request, reply) => {
        const { pdf, filename } = await dossierReceipt(db, requireOfficer(request), request.params.id);
        return pdfReply(reply, pdf, filename);
      },
    );

    app.post(
      '/api/office/dossiers/:id/payment/refund',
      {
        schema: {
          tags: ['online payment'],
          summary:
            'Refund a paid fee in full through the gateway (head of office or administrator; reason required)',
          params: idParams,
          body: z.strictObject({
            reason: z
              .string('Vui lòng nhập lý do hoàn tiền.')
              .trim()
              .min(5, 'Vui lòng nhập lý do hoàn tiền (ít nhất 5 ký tự).')
              .max(1000, 'Lý do hoàn tiền tối đa 1000 ký tự.'),
          }),
          response: { 200: looseObject },
        },
      },
      async (request) => {
        const principal = requireOfficer(request);
        await refundPayment(db, requireProvider, principal, request.params.id, request.body.reason);
        const row = await visibleDossier(db, principal, request.params.id);
        return {
          ...(await dossierPayment(db, row)),
          canRefund: canRefund(principal, row.receivingAgencyId),
          ...(await dossierPaymentHistory(db, row)),
        };
      },
    );

    app.get(
      '/api/office/payments/reconciliation',
      {
        schema: {
          tags: ['online payment'],
          summary:
            "Đối soát thanh toán: a day's orders by state, totals, and mismatches with the gateway (querydr)",
          querystring: dayQuery,
          response: { 200: looseObject },
        },
      },
      async (request) => {
        const scope = reconciliationScope(requireOfficer(request), request.query.agencyId);
        return reconciliation(db, provider, scope, request.query.day);
      },
    );

    app.get(
      '/api/office/payments/reconciliation.xlsx',
      {
        schema: {
          tags: ['online payment'],
          summary: 'The same reconciliation as an Excel workbook',
          querystring: dayQuery,
        },
      },
      async (request, reply) => {
        const scope = reconciliationScope(requireOfficer(request), request.query.agencyId);
        const report = await reconciliation(db, provider, scope, request.query.day);
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header(
            'content-disposition',
            `attachment; filename="doi-soat-thanh-toan-${request.query.day}.xlsx"`,
          )
          .send(await reconciliationXlsx(report));
      },
    );

    app.get(
      '/api/office/procedures/:id/payment-setting',
      {
        schema: {
          tags: ['online payment'],
          summary: "When a procedure's fee becomes payable online",
          params: z.object({ id: z.uuid('Mã thủ tục không hợp lệ.') }),
          response: { 200: looseObject },
        },
      },
      async (request) => {
        requireOfficer(request);
        return procedureSetting(db, request.params.id);
      },
    );

    app.put(
      '/api/office/procedures/:id/payment-setting',
      {
        schema: {
          tags: ['online payment'],
          summary: "Set when a procedure's fee becomes payable online (administrators)",
          params: z.object({ id: z.uuid('Mã thủ tục không hợp lệ.') }),
          body: z.strictObject({
            payableAt: z.enum(
              ['receipt', 'submission'],
              'Thời điểm nộp phí phải là «receipt» hoặc «submission».',
            ),
            onlinePayment: z.boolean('Vui lòng chọn có cho nộp trực tuyến hay không.'),
          }),
          response: { 200: looseObject },
        },
      },
      async (request) => {
        const principal = requireAdmin(request);
        return saveProcedureSetting(db, principal, request.params.id, request.body);
      },
    );
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The pending-payment check, when running (tests run a poll with `runOnce`). */
    paymentCheck?: import('./pending-check.ts').PendingCheck;
  }
}
