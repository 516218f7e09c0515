import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { prepareUpload } from '../../platform/files/prepare-upload.ts';
import { uploadName } from '../../platform/files/receive-upload.ts';
import {
  defaultUploadLimits,
  formatMegabytes,
  type UploadLimits,
} from '../../platform/files/upload-limits.ts';
import { AppError, invalid, notFound } from '../../platform/http/errors.ts';
import { citizenIdProblem, normalizePhone } from '../auth/identifiers.ts';
import { workingCalendar } from '../calendar/calendar-store.ts';
import { documentSlots } from '../catalog/document-slots.ts';
import { validateFormData } from '../catalog/form-data.ts';
import { procedures } from '../catalog/schema.ts';
import { type ActionEnv, noChannels, notifyApplicant, runTransition } from '../dossier/act-on-dossier.ts';
import {
  applicantColumns,
  columnsOf,
  insertNewDossier,
  loadDossier,
  procedureColumns,
} from '../dossier/dossier-store.ts';
import { newDossier } from '../dossier/lifecycle/snapshot.ts';
import { acceptsOnline, receivingOptions } from '../dossier/online-application.ts';
import { statutoryOf } from '../dossier/receive-walk-in.ts';
import { type dossierDocuments, dossierFormData } from '../dossier/schema.ts';
import type { NotificationChannel } from '../notify/schema.ts';
import { agencies } from '../org/schema.ts';
import { type InteropClient, InteropRejection } from './authenticate.ts';
import type { FiledDossier, InboundDossier } from './interop.types.ts';
import { interopRequests } from './schema.ts';
import { sha256Hex } from './signing.ts';

// A dossier filed on another system (the National Public Service Portal) enters Motcua as an online application
// submitted by its applicant: the same draft, the same completeness rules and the same `submit` transition as
// the citizen portal, so it waits in the desk's intake queue like any other. The client and its external id are
// recorded beside it; a second filing with the same external id is refused with the dossier it already made.

/** Whether a client may file to (or read) the dossiers of this agency. */
export function clientCovers(client: InteropClient, place: { unitId: string; agencyId: string }): boolean {
  return client.unitIds.includes(place.unitId) || client.agencyIds.includes(place.agencyId);
}

/** The applicant of a dossier filed by a client (no account here: the sending system speaks for them). */
export const interopApplicant = (clientId: string, externalId: string) => `interop:${clientId}:${externalId}`;

export const statusUrlOf = (d: { id: string; code: string | null }) =>
  `/api/interop/v1/dossiers/${encodeURIComponent(d.code ?? d.id)}`;

export type FileOutcome =
  | { kind: 'created'; dossier: FiledDossier }
  | { kind: 'replayed'; dossier: FiledDossier }
  | { kind: 'duplicate'; dossier: FiledDossier };

class DuplicateFiling extends Error {}

async function answerFor(db: Db, clientId: string, externalId: string, bodyHash: string) {
  const [request] = await db
    .select()
    .from(interopRequests)
    .where(and(eq(interopRequests.clientId, clientId), eq(interopRequests.externalId, externalId)));
  if (!request) return null;
  const row = await loadDossier(db, request.dossierId);
  const dossier: FiledDossier = {
    dossierId: request.dossierId,
    code: row?.code ?? null,
    externalId,
    state: (row?.state ?? 'submitted') as FiledDossier['state'],
    statusUrl: statusUrlOf({ id: request.dossierId, code: row?.code ?? null }),
  };
  return { kind: request.bodyHash === bodyHash ? ('replayed' as const) : ('duplicate' as const), dossier };
}

interface Problem {
  path: string;
  message: string;
}

function problemsError(problems: Problem[]): AppError {
  const more = problems.length > 1 ? ` (và ${problems.length - 1} mục khác)` : '';
  return new AppError('VALIDATION', `${problems[0]?.message ?? 'Dữ liệu không hợp lệ.'}${more}`, problems);
}

/**
 * Files an inbound dossier. `body` is the raw request body: its hash tells a replay of the same request (which
 * gets the first answer) from a different request reusing the external id (409 with the existing dossier).
 */
export async function fileInboundDossier(
  db: Db,
  files: FileStore,
  client: InteropClient,
  input: InboundDossier,
  body: Buffer,
  options: { now?: Date; limits?: UploadLimits; channels?: ReadonlySet<NotificationChannel> } = {},
): Promise<FileOutcome> {
  const now = options.now ?? new Date();
  const limits = options.limits ?? defaultUploadLimits;
  const bodyHash = sha256Hex(body);
  const earlier = await answerFor(db, client.id, input.externalId, bodyHash);
  if (earlier) return earlier;

  const [procedure] = await db.select().from(procedures).where(eq(procedures.code, input.procedureCode));
  if (!procedure?.published)
    throw invalid('procedureCode', `Không tìm thấy thủ tục có mã ${input.procedureCode}.`);
  if (!acceptsOnline(procedure)) {
    throw new AppError('RULE', 'Thủ tục này chưa cho phép nộp trực tuyến.');
  }
  const time = statutoryOf(procedure);
  if (!time)
    throw new AppError('RULE', 'Thủ tục chưa có thời hạn giải quyết nên chưa nhận hồ sơ trực tuyến.');
  const [receiving] = await db
    .select({ id: agencies.id, unitId: agencies.unitId })
    .from(agencies)
    .where(eq(agencies.id, input.receivingAgencyId));
  if (!receiving) throw invalid('receivingAgencyId', 'Không tìm thấy cơ quan tiếp nhận.');
  if (!clientCovers(client, { unitId: receiving.unitId, agencyId: receiving.id })) {
    throw new InteropRejection('out_of_scope');
  }
  const option = (await receivingOptions(db, procedure.id)).find((o) => o.receivingAgencyId === receiving.id);
  if (!option) {
    throw invalid('receivingAgencyId', 'Cơ quan này không tiếp nhận thủ tục đã chọn (trực tuyến).');
  }

  // The same completeness rules as the citizen portal's submission (online-application.ts submissionProblems).
  const problems: Problem[] = [];
  const a = input.applicant;
  const phone = a.phone ? normalizePhone(a.phone) : null;
  if (a.phone && !phone) problems.push({ path: 'applicant.phone', message: 'Số điện thoại không hợp lệ.' });
  const idProblem = a.citizenId ? citizenIdProblem(a.citizenId, now) : null;
  if (idProblem) problems.push({ path: 'applicant.citizenId', message: idProblem });
  if (a.kind === 'person' && !a.citizenId) {
    problems.push({ path: 'applicant.citizenId', message: 'Vui lòng nhập số định danh cá nhân (CCCD).' });
  }
  if (!phone && !a.email) {
    problems.push({
      path: 'applicant.phone',
      message: 'Vui lòng nhập số điện thoại hoặc thư điện tử của người nộp.',
    });
  }
  const form = validateFormData(procedure.formSchema ?? null, input.formData, { partial: false, now });
  problems.push(...form.problems);
  const slots = documentSlots(procedure.requiredDocuments, procedure.formSchema ?? null);
  input.documents.forEach((d, i) => {
    if (d.slot && !slots.some((s) => s.slot === d.slot)) {
      problems.push({
        path: `documents.${i}.slot`,
        message: 'Giấy tờ này không có trong danh mục của thủ tục.',
      });
    }
    if (!d.slot && !d.name)
      problems.push({ path: `documents.${i}.name`, message: 'Vui lòng ghi tên giấy tờ.' });
  });
  const supplied = new Set(input.documents.map((d) => d.slot));
  for (const slot of slots) {
    if (slot.required && !supplied.has(slot.slot)) {
      problems.push({ path: `documents.${slot.slot}`, message: `Thiếu giấy tờ: ${slot.name}` });
    }
  }
  if (problems.length) throw problemsError(problems);

  // Files are stored first (content-addressed, idempotent): a request failing later leaves unreferenced bytes only.
  let total = 0;
  const stored: (typeof dossierDocuments.$inferInsert)[] = [];
  for (const [i, d] of input.documents.entries()) {
    const bytes = Buffer.from(d.contentBase64, 'base64');
    if (bytes.length > limits.maxFileBytes) {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `Tệp thứ ${i + 1} quá lớn: mỗi tệp tối đa ${formatMegabytes(limits.maxFileBytes)}.`,
      );
    }
    const prepared = await prepareUpload(bytes).catch((error: unknown) => {
      if (error instanceof AppError) {
        throw new AppError(error.code, `Tệp thứ ${i + 1}: ${error.message}`, [
          { path: `documents.${i}.contentBase64`, message: error.message },
        ]);
      }
      throw error;
    });
    total += prepared.sizeBytes;
    if (total > limits.maxDossierBytes) {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `Tổng dung lượng giấy tờ vượt ${formatMegabytes(limits.maxDossierBytes)} cho một hồ sơ.`,
      );
    }
    const fileId = await files.put(prepared.bytes);
    const slot = slots.find((s) => s.slot === d.slot);
    stored.push({
      ownerUnitId: receiving.unitId,
      dossierId: '',
      kind: 'submitted',
      slot: slot?.slot ?? null,
      name: (d.name || slot?.name || uploadName(d.fileName, prepared.mime)).slice(0, 3000),
      originals: 0,
      copies: 1,
      fileSha256: fileId,
      mime: prepared.mime,
      sizeBytes: prepared.sizeBytes,
    });
  }

  const id = randomUUID();
  const applicantUserId = interopApplicant(client.id, input.externalId);
  const actor = { kind: 'applicant', userId: applicantUserId } as const;
  const draft = newDossier({
    id,
    procedureCode: procedure.code,
    applicantUserId,
    channel: 'online',
    receivingAgencyId: option.receivingAgencyId,
    competentAgencyId: option.competentAgencyId,
    statutory: time.statutory,
    process: procedure.internalProcess,
    createdAt: now,
  });
  const env: ActionEnv = {
    now,
    calendar: await workingCalendar(db),
    channels: options.channels ?? noChannels,
  };
  try {
    const snapshot = await db.transaction(async (tx) => {
      const claimed = await tx
        .insert(interopRequests)
        .values({
          clientId: client.id,
          externalId: input.externalId,
          bodyHash,
          ownerUnitId: receiving.unitId,
          dossierId: id,
          sourceSystem: input.sourceSystem,
        })
        .onConflictDoNothing()
        .returning({ id: interopRequests.dossierId });
      if (claimed.length === 0) throw new DuplicateFiling();
      // Written already submitted, with its documents and the submit event, in one statement (as a desk's intake).
      const submitted = runTransition(draft, { type: 'submit' }, actor, env);
      const [eventId] = await insertNewDossier(
        tx,
        {
          ownerUnitId: receiving.unitId,
          id,
          ...procedureColumns(procedure),
          receivingAgencyId: option.receivingAgencyId,
          competentAgencyId: option.competentAgencyId,
          ...applicantColumns(a),
          feeAmountVnd: procedure.feeAmountVnd,
          ...columnsOf(submitted.snapshot),
        },
        stored.map((d) => ({ ...d, dossierId: id })),
        [submitted.event],
      );
      if (eventId === undefined) throw new Error('filing event not written');
      await tx
        .insert(dossierFormData)
        .values({ ownerUnitId: receiving.unitId, dossierId: id, data: form.values });
      await notifyApplicant(
        tx,
        receiving.unitId,
        eventId,
        { type: 'submit' },
        submitted.snapshot,
        actor,
        env,
      );
      return submitted.snapshot;
    });
    return {
      kind: 'created',
      dossier: {
        dossierId: id,
        code: snapshot.code,
        externalId: input.externalId,
        state: snapshot.state,
        statusUrl: statusUrlOf({ id, code: snapshot.code }),
      },
    };
  } catch (error) {
    if (!(error instanceof DuplicateFiling)) throw error;
    // Another request with this external id committed first.
    const answer = await answerFor(db, client.id, input.externalId, bodyHash);
    if (!answer) throw notFound('Không tìm thấy hồ sơ đã nộp trước với mã này.');
    return answer;
  }
}
