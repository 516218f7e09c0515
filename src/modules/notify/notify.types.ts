import { z } from 'zod';
import { inboxKinds, notificationKinds } from './messages.ts';
import { deliveryStatuses, notificationChannels, notificationSubjects } from './schema.ts';

export const inboxQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type InboxQuery = z.infer<typeof inboxQuery>;

export const notificationIdParams = z.object({ id: z.uuid('Mã thông báo không hợp lệ.') });

export const notificationSchema = z.object({
  id: z.string(),
  /** Dossier messages; null for reminders and other subjects. */
  dossierId: z.string().nullable(),
  subjectKind: z.enum(notificationSubjects),
  /** Where the message leads in the web app (reminders: the agency's board or the plan). */
  link: z.string().nullable(),
  kind: z.enum(inboxKinds),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const inboxSchema = z.object({
  items: z.array(notificationSchema),
  total: z.number().int(),
  unread: z.number().int(),
});

export const unreadSchema = z.object({ unread: z.number().int() });

export const preferencesBody = z.object({
  email: z.boolean(),
  sms: z.boolean(),
  zalo: z.boolean(),
  /** The follower id at the agency's Zalo Official Account. */
  zaloUserId: z
    .string()
    .trim()
    .regex(/^\d{1,64}$/, 'Mã người dùng Zalo chỉ gồm chữ số.')
    .nullable()
    .optional(),
});
export type PreferencesBody = z.infer<typeof preferencesBody>;

export const preferencesSchema = z.object({
  email: z.boolean(),
  sms: z.boolean(),
  zalo: z.boolean(),
  zaloUserId: z.string().nullable(),
  /** Read-only: where email and SMS go (the account's own details). */
  accountEmail: z.string().nullable(),
  accountPhone: z.string().nullable(),
  /** The external channels this deployment sends on; a chosen channel not listed here is not used. */
  availableChannels: z.array(z.enum(notificationChannels)),
});

export const deliverySchema = z.object({
  id: z.number().int(),
  channel: z.enum(notificationChannels),
  /** Masked: enough to recognise, not to copy. */
  address: z.string(),
  status: z.enum(deliveryStatuses),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  sentAt: z.string().nullable(),
});

export const dossierNotificationsSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(notificationKinds),
      title: z.string(),
      createdAt: z.string(),
      /** Shown in the applicant's in-app inbox (the applicant has an account). */
      inApp: z.boolean(),
      readAt: z.string().nullable(),
      deliveries: z.array(deliverySchema),
    }),
  ),
});
