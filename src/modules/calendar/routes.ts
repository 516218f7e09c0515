import { z } from 'zod';
import type { AppContext, ZodApp } from '../../platform/http/context.ts';
import { invalid } from '../../platform/http/errors.ts';
import { requireAdmin } from '../auth/guards.ts';
import { addScheduleEntry, removeScheduleEntry, scheduleRows, workingCalendar } from './calendar-store.ts';
import { isValidCivil } from './day.ts';

const year = z.coerce
  .number()
  .int()
  .min(1900, 'Năm phải từ 1900 đến 2199.')
  .max(2199, 'Năm phải từ 1900 đến 2199.');

const holidaySchema = z.object({
  date: z.string(),
  name: z.string(),
  kind: z.enum(['holiday', 'compensation', 'extra_day_off']),
  instrument: z.string().optional(),
});

const scheduleEntrySchema = z.object({
  id: z.string(),
  date: z.string(),
  type: z.enum(['day_off', 'working_day']),
  name: z.string(),
  instrument: z.string(),
  statutory: z.enum(['tet', 'national_day']).optional(),
});

const scheduleEntryInput = z
  .object({
    date: z.iso.date('Ngày phải có dạng YYYY-MM-DD.'),
    type: z.enum(['day_off', 'working_day']),
    name: z.string().trim().min(2, 'Vui lòng nhập tên ngày nghỉ/ngày làm bù.').max(200),
    instrument: z.string().trim().min(2, 'Vui lòng nhập số hiệu văn bản.').max(300),
    statutory: z.enum(['tet', 'national_day']).optional(),
  })
  .strict();

export function registerCalendarRoutes(app: ZodApp, { db, onScheduleChanged }: AppContext): void {
  const changed = (date: string, reason: string, userId: string) =>
    onScheduleChanged ? onScheduleChanged({ date, reason, userId }) : Promise.resolve(0);

  app.get(
    '/api/calendar/holidays',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Days off of a year (statutory, compensation and official schedule)',
        querystring: z.object({ year }),
        response: { 200: z.array(holidaySchema) },
      },
    },
    async (request) => (await workingCalendar(db)).holidaysOfYear(request.query.year),
  );

  app.get(
    '/api/calendar/due',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Due instant of a dossier received at `from` with a limit of N working days',
        querystring: z.object({
          from: z.iso.datetime({
            offset: true,
            message: 'Thời điểm phải theo ISO 8601, ví dụ 2026-02-12T09:30:00+07:00.',
          }),
          workingDays: z.coerce
            .number()
            .int()
            .min(0, 'Số ngày làm việc từ 0 đến 3650.')
            .max(3650, 'Số ngày làm việc từ 0 đến 3650.'),
        }),
        response: { 200: z.object({ due: z.string() }) },
      },
    },
    async (request) => {
      const from = new Date(request.query.from);
      const y = from.getUTCFullYear();
      if (y < 1900 || y > 2190) throw invalid('from', 'Năm phải từ 1900 đến 2190.');
      const calendar = await workingCalendar(db);
      // 0 working days = same-day procedures, with the 15:00 cut-off.
      const due = calendar.addWorkingDays(from, request.query.workingDays);
      return { due: due.toISOString() };
    },
  );

  app.get(
    '/api/admin/calendar/schedule',
    {
      schema: {
        tags: ['administration'],
        summary: 'Official schedule rows (optionally of one year)',
        querystring: z.object({ year: year.optional() }),
        response: { 200: z.array(scheduleEntrySchema) },
      },
    },
    async (request) => {
      requireAdmin(request);
      return scheduleRows(db, request.query.year);
    },
  );

  app.post(
    '/api/admin/calendar/schedule',
    {
      schema: {
        tags: ['administration'],
        summary: 'Add an official schedule row (day off or swapped working day)',
        body: scheduleEntryInput,
        response: { 201: z.object({ id: z.string(), recomputedDossiers: z.number().int() }) },
      },
    },
    async (request, reply) => {
      const principal = requireAdmin(request);
      const [y, m, d] = request.body.date.split('-').map(Number) as [number, number, number];
      if (!isValidCivil(y, m, d)) throw invalid('date', 'Ngày không tồn tại.');
      const id = await addScheduleEntry(db, request.body, principal.userId);
      const kind = request.body.type === 'day_off' ? 'thêm ngày nghỉ' : 'thêm ngày làm việc bù';
      const reason = `Lịch chính thức: ${kind} ${request.body.date} — ${request.body.name} (${request.body.instrument})`;
      const recomputedDossiers = await changed(request.body.date, reason, principal.userId);
      return reply.status(201).send({ id, recomputedDossiers });
    },
  );

  app.delete(
    '/api/admin/calendar/schedule/:id',
    {
      schema: {
        tags: ['administration'],
        summary: 'Remove an official schedule row',
        params: z.object({ id: z.uuid('Mã dòng lịch không hợp lệ.') }),
      },
    },
    async (request, reply) => {
      const principal = requireAdmin(request);
      const removed = await removeScheduleEntry(db, request.params.id);
      await changed(
        removed.date,
        `Lịch chính thức: bỏ dòng ${removed.date} — ${removed.name} (${removed.instrument})`,
        principal.userId,
      );
      return reply.status(204).send();
    },
  );
}
