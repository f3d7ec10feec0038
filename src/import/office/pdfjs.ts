// pdf.js (legacy build, the one that runs on Node 20), loaded once with its worker in this thread.
// The legacy build replaces Array.prototype.push for the whole process with core-js's version (for a
// V8 edge case, push onto an array whose length is read-only, that nothing here does), and every push
// then runs slower, in pdf.js and everywhere else. The native push is put back once both are loaded.
const nativePush = Array.prototype.push;
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
// @ts-expect-error: the worker module ships without types; pdf.js looks for it on globalThis.pdfjsWorker.
const worker: unknown = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
Array.prototype.push = nativePush;

export const { getDocument, OPS } = pdfjs;
