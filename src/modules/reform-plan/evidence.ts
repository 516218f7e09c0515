import { detectFileType } from '../../platform/files/detect-type.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { invalid } from '../../platform/http/errors.ts';
import type { EvidenceFile } from './schema.ts';

/** Each evidence file must be an upload the store holds; type and size are read from its bytes. */
export async function checkedEvidence(
  files: FileStore | undefined,
  sent: { fileId: string; name: string }[],
): Promise<EvidenceFile[]> {
  const out: EvidenceFile[] = [];
  for (const [i, f] of sent.entries()) {
    if (!files || !(await files.exists(f.fileId)))
      throw invalid(`evidence.${i}`, 'Tệp minh chứng chưa được tải lên hoặc đã bị xóa; vui lòng tải lại.');
    const bytes = await files.get(f.fileId);
    const mime = detectFileType(bytes);
    if (!mime)
      throw invalid(`evidence.${i}`, 'Tệp minh chứng không đúng định dạng cho phép (PDF, JPEG, PNG).');
    out.push({ fileId: f.fileId, name: f.name.normalize('NFC'), mime, sizeBytes: bytes.length });
  }
  return out;
}
