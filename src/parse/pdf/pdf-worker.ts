/**
 * The thread pdf.js runs on (see bounded-read.ts). It answers one request at a time: the bytes
 * of a PDF in, its PdfContent or the reason it cannot be read out.
 */
import { parentPort } from 'node:worker_threads';
import { getResolvedPDFJS } from 'unpdf';
import { extractPdfContent, PdfReadFailure } from './extract.js';
import type { PdfWorkerReply, PdfWorkerRequest } from './pdf-content.js';

const port = parentPort;
if (port === null) throw new Error('pdf-worker.js runs as a worker thread');

port.on('message', (request: PdfWorkerRequest) => {
  void answer(request).then((reply) => port.postMessage(reply));
});
// pdf.js is loaded before the first request, so that the time limit counts the PDF's work only.
await getResolvedPDFJS();
port.postMessage('ready');

async function answer(request: PdfWorkerRequest): Promise<PdfWorkerReply> {
  try {
    return { id: request.id, ok: true, content: await extractPdfContent(request.bytes, request.maxPages) };
  } catch (error) {
    const failure = error instanceof PdfReadFailure ? error : new PdfReadFailure('damaged', String(error));
    return { id: request.id, ok: false, failure: failure.kind, detail: failure.message.slice(0, 200) };
  }
}
