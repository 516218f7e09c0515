import { z } from 'zod';
import type { AppContext, ZodApp } from '../../platform/http/context.ts';
import { requireOfficer, requireUser } from '../auth/guards.ts';
import { dossierNotifications } from './dossier-notifications.ts';
import { listMyNotifications, markAllRead, markRead } from './inbox.ts';
import {
  dossierNotificationsSchema,
  inboxQuery,
  inboxSchema,
  notificationIdParams,
  preferencesBody,
  preferencesSchema,
  unreadSchema,
} from './notify.types.ts';
import { getPreferences, savePreferences } from './preferences.ts';
import type { NotificationChannel } from './schema.ts';

/** The routes need to know which external channels the deployment sends on (for the preferences page). */
export function notifyRoutes(options: { channels: ReadonlySet<NotificationChannel> }) {
  return (app: ZodApp, context: AppContext) => registerNotifyRoutes(app, context, options.channels);
}

export function registerNotifyRoutes(
  app: ZodApp,
  { db }: AppContext,
  channels: ReadonlySet<NotificationChannel> = new Set(),
): void {
  const tags = ['notifications'];
  app.get(
    '/api/my/notifications',
    {
      schema: {
        tags,
        summary: 'My in-app notifications, newest first, with the unread count',
        querystring: inboxQuery,
        response: { 200: inboxSchema },
      },
    },
    async (request) => listMyNotifications(db, requireUser(request).userId, request.query),
  );

  app.post(
    '/api/my/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one of my notifications read',
        params: notificationIdParams,
        response: { 200: unreadSchema },
      },
    },
    async (request) => markRead(db, requireUser(request).userId, request.params.id),
  );

  app.post(
    '/api/my/notifications/read-all',
    { schema: { tags, summary: 'Mark all my notifications read', response: { 200: unreadSchema } } },
    async (request) => markAllRead(db, requireUser(request).userId),
  );

  app.get(
    '/api/my/notification-preferences',
    {
      schema: {
        tags,
        summary: 'My choice of notification channels (in-app is always on)',
        response: { 200: preferencesSchema },
      },
    },
    async (request) => getPreferences(db, requireUser(request).userId, channels),
  );

  app.put(
    '/api/my/notification-preferences',
    {
      schema: {
        tags,
        summary: 'Choose my notification channels',
        description:
          'A channel without an address (no email, no phone, no Zalo id) cannot be turned on: 422.',
        body: preferencesBody,
        response: { 200: preferencesSchema },
      },
    },
    async (request) => savePreferences(db, requireUser(request).userId, request.body, channels),
  );

  app.get(
    '/api/office/dossiers/:id/notifications',
    {
      schema: {
        tags,
        summary: "A dossier's notifications to the applicant and the state of each delivery",
        params: z.object({ id: z.uuid('Mã hồ sơ không hợp lệ.') }),
        response: { 200: dossierNotificationsSchema },
      },
    },
    async (request) => dossierNotifications(db, requireOfficer(request), request.params.id),
  );
}
