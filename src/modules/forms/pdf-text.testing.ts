import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// Test support: reads a generated PDF back with pdf.js (a devDependency; never imported by the generators).
// pdf.js's legacy build (the one for Node 20) adds polyfills to built-in prototypes (Uint8Array, Map, Set);
// V8 then drops fast paths for the whole isolate and pdfkit/fontkit ran ~5× slower in the same process. So
// pdf.js lives in a worker thread of its own.

export interface PdfContent {
  pages: string[];
  /** All pages, whitespace collapsed, so wrapped lines compare as one string. */
  text: string;
  /** Image XObjects in the file (pdfkit writes object dictionaries uncompressed). */
  imageCount: number;
}

const PDFJS = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs');

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { pathToFileURL } = require('node:url');
const pdfjs = import(pathToFileURL(workerData).href);
parentPort.on('message', async ({ id, data }) => {
  try {
    const { getDocument } = await pdfjs;
    const pdf = await getDocument({ data, verbosity: 0 }).promise;
    const pages = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\\n' : '') : '')).join(''));
    }
    await pdf.destroy();
    parentPort.postMessage({ id, pages });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.stack) || error) });
  }
});
`;

interface Reply {
  id: number;
  pages?: string[];
  error?: string;
}

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, { resolve: (pages: string[]) => void; reject: (error: Error) => void }>();

function pdfWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(WORKER_SOURCE, { eval: true, workerData: PDFJS });
  w.on('message', (reply: Reply) => {
    const call = pending.get(reply.id);
    pending.delete(reply.id);
    // Idle, the worker must not keep the test process alive.
    if (pending.size === 0) w.unref();
    if (reply.pages) call?.resolve(reply.pages);
    else call?.reject(new Error(reply.error));
  });
  w.on('error', (error) => {
    for (const call of pending.values()) call.reject(error);
    pending.clear();
    worker = undefined;
  });
  worker = w;
  return w;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

export async function readPdf(bytes: Buffer): Promise<PdfContent> {
  const w = pdfWorker();
  const id = nextId++;
  const raw = await new Promise<string[]>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.ref();
    w.postMessage({ id, data: new Uint8Array(bytes) });
  });
  const pages = raw.map(collapse);
  const imageCount = bytes.toString('latin1').match(/\/Subtype \/Image\b/g)?.length ?? 0;
  return { pages, text: pages.join(' '), imageCount };
}
