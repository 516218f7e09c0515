import sharp from 'sharp';
import { AppError, type ErrorCode } from '../http/errors.ts';
import { type AcceptedMime, acceptedTypes, detectFileType } from './detect-type.ts';

/** Images at most this long on their long side, and at most `shrinkAboveBytes`, are kept byte for byte. */
export const maxImageSide = 2000;
export const shrinkAboveBytes = 1024 * 1024;
const jpegQuality = 82;
/**
 * Decoding is refused above this many pixels (a 108-megapixel phone photo passes): a small PNG can declare
 * 50,000 × 50,000 pixels and would otherwise take gigabytes to decode.
 */
export const maxInputPixels = 120_000_000;

// Every upload is different: libvips' operation cache would only hold memory.
sharp.cache(false);

export interface PreparedUpload {
  bytes: Buffer;
  mime: AcceptedMime;
  sizeBytes: number;
  originalSizeBytes: number;
  /** Re-encoded smaller (and oriented upright, metadata stripped); otherwise the original bytes. */
  shrunk: boolean;
}

export type UploadRejection = 'empty' | 'type' | 'corrupt' | 'too-many-pixels';

/** An upload refused for its content; the message is for the user. */
export class UploadRejectedError extends AppError {
  constructor(
    readonly reason: UploadRejection,
    code: ErrorCode,
    message: string,
  ) {
    super(code, message, [{ path: 'file', message }]);
  }
}

const acceptedLabels = Object.values(acceptedTypes)
  .map((t) => t.label)
  .join(', ');

/**
 * Checks an upload by its content and shrinks large photos and scans: PDF, JPEG and PNG only; an image longer
 * than 2000 px or heavier than 1 MB is turned upright by its EXIF orientation, fitted into 2000 × 2000 and
 * re-encoded without its metadata (JPEG q82 with mozjpeg; a PNG stays PNG when it has transparency or compresses
 * better). Never returns more bytes than it got. Images are decoded whole, so a truncated or corrupt one is
 * refused here rather than failing later for whoever opens it.
 */
export async function prepareUpload(input: Uint8Array): Promise<PreparedUpload> {
  const original = Buffer.isBuffer(input)
    ? input
    : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const untouched = (mime: AcceptedMime): PreparedUpload => ({
    bytes: original,
    mime,
    sizeBytes: original.length,
    originalSizeBytes: original.length,
    shrunk: false,
  });
  if (original.length === 0) {
    throw new UploadRejectedError('empty', 'VALIDATION', 'Tệp rỗng (0 byte); vui lòng chọn lại tệp.');
  }
  const mime = detectFileType(original);
  if (!mime) {
    throw new UploadRejectedError(
      'type',
      'UNSUPPORTED_MEDIA_TYPE',
      `Tệp không đúng định dạng cho phép (${acceptedLabels}); hệ thống kiểm tra theo nội dung tệp, không theo tên tệp.`,
    );
  }
  if (mime === 'application/pdf') return untouched(mime);

  const options = { failOn: 'error', limitInputPixels: maxInputPixels } as const;
  const decode = () => sharp(original, options);
  try {
    const meta = await decode().metadata();
    // The signature said PNG or JPEG; the decoder must agree (it also sniffs the content).
    if (meta.format !== (mime === 'image/png' ? 'png' : 'jpeg')) throw new Error('format mismatch');
    const longSide = Math.max(meta.width, meta.height);
    if (longSide <= maxImageSide && original.length <= shrinkAboveBytes) {
      await decode().stats(); // decodes every pixel: refuses a truncated file that is otherwise kept as is
      return untouched(mime);
    }
    // Re-encoding decodes every pixel anyway; the statistics are needed only to see if an alpha channel is used.
    const opaque = mime === 'image/jpeg' || !meta.hasAlpha || (await decode().stats()).isOpaque;

    const resized = decode()
      .autoOrient()
      .resize({ width: maxImageSide, height: maxImageSide, fit: 'inside', withoutEnlargement: true });
    const asJpeg = () =>
      resized
        .clone()
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: jpegQuality, mozjpeg: true })
        .toBuffer()
        .then((bytes) => ({ bytes, mime: 'image/jpeg' as const }));
    const asPng = () =>
      resized
        .clone()
        .png({ compressionLevel: 9, adaptiveFiltering: true })
        .toBuffer()
        .then((bytes) => ({ bytes, mime: 'image/png' as const }));
    // Photos become JPEG; a PNG keeps its transparency, and a form or a diagram may well be smaller as PNG.
    const candidates = await Promise.all(
      mime === 'image/jpeg' ? [asJpeg()] : opaque ? [asPng(), asJpeg()] : [asPng()],
    );
    const best = candidates.reduce((a, b) => (b.bytes.length < a.bytes.length ? b : a));
    if (best.bytes.length >= original.length) return untouched(mime);
    return {
      bytes: best.bytes,
      mime: best.mime,
      sizeBytes: best.bytes.length,
      originalSizeBytes: original.length,
      shrunk: true,
    };
  } catch (error) {
    throw rejectedImage(error, mime);
  }
}

function rejectedImage(error: unknown, mime: AcceptedMime): UploadRejectedError {
  const label = acceptedTypes[mime].label;
  if (/pixel limit/i.test((error as Error).message ?? '')) {
    return new UploadRejectedError(
      'too-many-pixels',
      'RULE',
      `Ảnh ${label} có kích thước quá lớn (tối đa ${maxInputPixels / 1_000_000} triệu điểm ảnh); ` +
        'vui lòng chụp hoặc quét lại với độ phân giải thấp hơn.',
    );
  }
  return new UploadRejectedError(
    'corrupt',
    'RULE',
    `Tệp ảnh ${label} bị hỏng hoặc không đầy đủ nên không đọc được; vui lòng chụp, quét hoặc tải lại tệp.`,
  );
}
