import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { detectFileType } from '../../platform/files/detect-type.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Principal } from '../auth/permissions.ts';
import { canSeeDossier } from './dossier-access.ts';
import { dossierDocuments, dossiers } from './schema.ts';

// Stored files are content-addressed and shared: a file is served only through a dossier the officer may
// see, as one of its documents (the result is one of them). Anything else is "not found", never "forbidden", so that
// probing hashes tells nothing.

const missing = () => notFound('Không tìm thấy tệp.');

/** The mime of the file as a document of a visible dossier, or null. */
async function asDocument(db: Db, principal: Principal, fileId: string): Promise<string | null> {
  const docs = await db
    .select({ dossierId: dossierDocuments.dossierId, mime: dossierDocuments.mime })
    .from(dossierDocuments)
    .where(eq(dossierDocuments.fileSha256, fileId));
  if (docs.length === 0) return null;
  const owners = await db
    .select({ id: dossiers.id, snapshot: dossiers.snapshot })
    .from(dossiers)
    .where(
      inArray(
        dossiers.id,
        docs.map((d) => d.dossierId),
      ),
    );
  const visible = new Set(owners.filter((d) => canSeeDossier(principal, d.snapshot)).map((d) => d.id));
  const doc = docs.find((d) => visible.has(d.dossierId));
  return doc ? (doc.mime ?? 'application/octet-stream') : null;
}

/** The file's bytes and type for an officer who may see a dossier it belongs to; 404 otherwise. */
export async function dossierFile(db: Db, files: FileStore, principal: Principal, fileId: string) {
  const documentMime = await asDocument(db, principal, fileId);
  if (!documentMime) throw missing();
  if (!(await files.exists(fileId))) throw missing();
  const bytes = await files.get(fileId);
  // Results carry no stored type; uploads were checked by content, so the content tells it again.
  const mime =
    documentMime === 'application/octet-stream' ? (detectFileType(bytes) ?? documentMime) : documentMime;
  return { bytes, mime };
}
