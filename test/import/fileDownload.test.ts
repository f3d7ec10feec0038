// A plan file sent in Teams is fetched from its download URL, here served by a local file server.
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadFile, fileAttachments, FILE_DOWNLOAD_INFO } from '../../src/bot/fileDownload.ts';
import { readPlanBytes } from '../../src/import/readPlanBytes.ts';

const docx = readFileSync(join(import.meta.dirname, '../fixtures/layouts/somerset-2012-13.docx'));
let server: Server;
let base: string;
const limits = { localMode: true, fileHosts: [], maxBytes: 64 * 1024, timeoutMs: 1000 };

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/plan.docx') res.end(docx);
    else if (req.url === '/big-declared') {
      res.setHeader('content-length', String(10 * 1024 * 1024));
      res.end();
    } else if (req.url === '/big-chunked') {
      // No length given: the limit must hold on what arrives.
      for (let i = 0; i < 100; i += 1) res.write(Buffer.alloc(1024, 65));
      res.end();
    } else if (req.url === '/slow') setTimeout(() => res.end('late'), 3000);
    else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const file = (path: string) => ({ name: 'plan.docx', downloadUrl: `${base}${path}` });

describe('fetching a plan file sent in Teams', () => {
  it('reads the file attachments of an activity and leaves other attachments out', () => {
    const attachments = [
      { contentType: FILE_DOWNLOAD_INFO, name: 'plan.docx', content: { downloadUrl: 'https://contoso.sharepoint.com/x', uniqueId: 'u', fileType: 'docx' } },
      { contentType: 'text/html', content: '<p>hello</p>' },
      { contentType: FILE_DOWNLOAD_INFO, name: 'no url', content: {} },
    ];
    expect(fileAttachments(attachments)).toEqual([{ name: 'plan.docx', downloadUrl: 'https://contoso.sharepoint.com/x' }]);
    expect(fileAttachments(undefined)).toEqual([]);
  });

  it('downloads a Word plan that then imports', async () => {
    const result = await downloadFile(file('/plan.docx'), limits);
    expect(result.ok).toBe(true);
    if (result.ok) expect((await readPlanBytes(result.bytes, 'plan.docx')).actions).toHaveLength(12);
  });

  it('refuses plain http outside local mode', async () => {
    expect(await downloadFile(file('/plan.docx'), { ...limits, localMode: false, fileHosts: ['127.0.0.1'] })).toMatchObject({ ok: false, reason: 'it could not be fetched from Teams; please send it again', failure: 'not allowed' });
  });

  it('refuses a file over the limit, whether its size is declared or not', async () => {
    expect(await downloadFile(file('/big-declared'), limits)).toMatchObject({ ok: false, reason: 'it is larger than 0 MB' });
    expect(await downloadFile(file('/big-chunked'), { ...limits, maxBytes: 10 * 1024 })).toMatchObject({ ok: false, reason: expect.stringMatching(/larger than/) });
  });

  it('gives up on a file that takes too long, and says so', async () => {
    expect(await downloadFile(file('/slow'), { ...limits, timeoutMs: 200 })).toMatchObject({ ok: false, reason: 'it could not be fetched from Teams; please send it again', failure: 'timeout' });
  });

  it('says when Teams does not give the file', async () => {
    expect(await downloadFile(file('/gone'), limits)).toMatchObject({ ok: false, reason: 'it could not be fetched from Teams; please send it again', failure: 'refused', status: 404 });
  });
});
