import {
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

// Paperless meetings (họp không giấy, plan III.7): a meeting of a city or ward agency, its ordered agenda with a
// conclusion per item, the invited officers and their attendance, documents distributed before the meeting in
// versions (a new version keeps the old) with who opened which version and when, and the tasks assigned from the
// conclusions. Every table carries `owner_unit_id` (the organising agency's unit) first in its key.

export const attendanceStates = ['unknown', 'present', 'absent', 'excused'] as const;
export type Attendance = (typeof attendanceStates)[number];
export const meetingTaskStatuses = ['open', 'done'] as const;
export type MeetingTaskStatus = (typeof meetingTaskStatuses)[number];

export const meetings = pgTable(
  'meetings',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** The organising agency: its officers manage the meeting (the secretary among them). */
    agencyId: uuid('agency_id').notNull(),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    place: text('place').notNull(),
    /** The online-meeting room (https only). */
    onlineLink: text('online_link'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    index('meetings_id_idx').on(t.id),
    index('meetings_agency_idx').on(t.ownerUnitId, t.agencyId, t.startsAt),
  ],
);

export const meetingAgendaItems = pgTable(
  'meeting_agenda_items',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    meetingId: uuid('meeting_id').notNull(),
    ordinal: smallint('ordinal').notNull(),
    title: text('title').notNull(),
    presenter: text('presenter'),
    conclusion: text('conclusion'),
    concludedAt: timestamp('concluded_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    index('meeting_agenda_items_meeting_idx').on(t.ownerUnitId, t.meetingId, t.ordinal),
  ],
);

export const meetingParticipants = pgTable(
  'meeting_participants',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    userId: uuid('user_id').notNull(),
    attendance: varchar('attendance', { length: 10 }).$type<Attendance>().notNull().default('unknown'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
    /** The participant's own confirmation that they attend. */
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.meetingId, t.userId] }),
    index('meeting_participants_user_idx').on(t.userId),
  ],
);

export const meetingDocuments = pgTable(
  'meeting_documents',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    meetingId: uuid('meeting_id').notNull(),
    title: text('title').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    index('meeting_documents_meeting_idx').on(t.ownerUnitId, t.meetingId),
  ],
);

export const meetingDocumentVersions = pgTable(
  'meeting_document_versions',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    meetingId: uuid('meeting_id').notNull(),
    documentId: uuid('document_id').notNull(),
    versionNo: integer('version_no').notNull(),
    /** SHA-256 in the file store. */
    fileId: varchar('file_id', { length: 64 }).notNull(),
    name: text('name').notNull(),
    mime: varchar('mime', { length: 40 }).notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    uniqueIndex('meeting_document_versions_no_uq').on(t.ownerUnitId, t.documentId, t.versionNo),
    index('meeting_document_versions_meeting_idx').on(t.ownerUnitId, t.meetingId),
  ],
);

export const meetingDocumentReads = pgTable(
  'meeting_document_reads',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    versionId: uuid('version_id').notNull(),
    userId: uuid('user_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    firstReadAt: timestamp('first_read_at', { withTimezone: true }).notNull().defaultNow(),
    lastReadAt: timestamp('last_read_at', { withTimezone: true }).notNull().defaultNow(),
    readCount: integer('read_count').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.versionId, t.userId] }),
    index('meeting_document_reads_meeting_idx').on(t.ownerUnitId, t.meetingId),
  ],
);

export const meetingTasks = pgTable(
  'meeting_tasks',
  {
    ownerUnitId: uuid('owner_unit_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    meetingId: uuid('meeting_id').notNull(),
    agendaItemId: uuid('agenda_item_id').notNull(),
    description: text('description').notNull(),
    /** The agency the conclusion assigns the task to. */
    agencyId: uuid('agency_id').notNull(),
    dueDate: date('due_date').notNull(),
    /** A reform-plan task this assignment serves (validated through the reform-plan module). */
    reformTaskId: uuid('reform_task_id'),
    status: varchar('status', { length: 6 }).$type<MeetingTaskStatus>().notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerUnitId, t.id] }),
    index('meeting_tasks_meeting_idx').on(t.ownerUnitId, t.meetingId),
    index('meeting_tasks_agency_idx').on(t.agencyId, t.dueDate),
  ],
);
