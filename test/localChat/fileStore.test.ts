// The local chat's file store and Teams' file shapes: upload sessions take chunks in order within the
// size cap, only stored files are linked, and the activities carry Teams' attachment and invoke shapes.
import { describe, expect, it } from 'vitest';
import { filesOf } from '../../src/localChat/fileCards.ts';
import { cleanFileName, FileStore, MAX_CHAT_FILE_BYTES } from '../../src/localChat/fileStore.ts';
import { fileConsentActivity, fileMessageActivity } from '../../src/localChat/teamsActivity.ts';
import { sam, tenantId } from './fixture.ts';

const origin = { serviceUrl: 'http://127.0.0.1:1/', tenantId };
const bytes = (text: string): Buffer => Buffer.from(text, 'latin1');

describe('an upload session', () => {
  it('takes the file in chunks, in order, and then serves it under the session id', () => {
    const store = new FileStore();
    const id = store.openSession('report.docx');
    expect(store.upload(id, 'bytes 0-3/10', bytes('PK\u0003\u0004'))).toEqual({ kind: 'partial', nextExpected: 4 });
    expect(store.upload(id, 'bytes 8-9/10', bytes('..'))).toMatchObject({ kind: 'refused', status: 416 });
    expect(store.upload(id, 'bytes 4-9/11', bytes('abcdef'))).toMatchObject({ kind: 'refused', status: 400 });
    expect(store.upload(id, 'bytes 4-9/10', bytes('abc'))).toMatchObject({ kind: 'refused', status: 400 });
    const done = store.upload(id, 'bytes 4-9/10', bytes('abcdef'));
    expect(done).toMatchObject({ kind: 'complete', file: { id, name: 'report.docx' } });
    expect(store.get(id, 'report.docx')?.bytes.toString('latin1')).toBe('PK\u0003\u0004abcdef');
    expect(store.get(id, 'other.docx')).toBeUndefined();
    // A finished session takes nothing more.
    expect(store.upload(id, 'bytes 0-1/2', bytes('PK'))).toMatchObject({ kind: 'refused', status: 404 });
  });

  it('takes a whole file without Content-Range, refuses one over the cap, a bad range, and an expired session', () => {
    let now = 0;
    const store = new FileStore(() => now);
    const whole = store.openSession('a.pdf');
    expect(store.upload(whole, undefined, bytes('%PDF'))).toMatchObject({ kind: 'complete' });
    const big = store.openSession('b.pdf');
    expect(store.upload(big, `bytes 0-0/${MAX_CHAT_FILE_BYTES + 1}`, bytes('x'))).toMatchObject({ kind: 'refused', status: 413 });
    expect(store.upload(big, 'bytes 5-2/10', bytes('x'))).toMatchObject({ kind: 'refused', status: 400 });
    expect(store.upload(big, 'items 0-0/1', bytes('x'))).toMatchObject({ kind: 'refused', status: 400 });
    now = 16 * 60 * 1000;
    expect(store.upload(big, 'bytes 0-0/1', bytes('x'))).toMatchObject({ kind: 'refused', status: 404 });
    expect(store.upload('no-such-session', undefined, bytes('x'))).toMatchObject({ kind: 'refused', status: 404 });
  });
});

describe('file names', () => {
  it('keeps the last part of a path and refuses control characters, dots and overlong names', () => {
    expect(cleanFileName('C:\\Users\\jane\\Plan 2026.docx')).toBe('Plan 2026.docx');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    for (const bad of ['', '..', 'dir/', 'a\nb.docx', 'x'.repeat(256)]) expect(cleanFileName(bad)).toBeNull();
  });
});

describe("Teams' shapes", () => {
  it('a file the person sends is a message with a file download info attachment', () => {
    const activity = fileMessageActivity(origin, sam, { name: 'plan.docx', url: 'http://127.0.0.1:1/files/x/plan.docx', uniqueId: 'x', fileType: 'docx' });
    expect(activity).toMatchObject({
      type: 'message', channelId: 'msteams', conversation: { conversationType: 'personal' },
      attachments: [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'plan.docx', content: { downloadUrl: 'http://127.0.0.1:1/files/x/plan.docx', uniqueId: 'x', fileType: 'docx' } }],
    });
  });

  it('an answer to a consent card is a fileConsent/invoke replying to the card', () => {
    const uploadInfo = { name: 'r.docx', uploadUrl: 'http://127.0.0.1:1/upload/u', contentUrl: 'http://127.0.0.1:1/files/u/r.docx', uniqueId: 'u', fileType: 'docx' };
    expect(fileConsentActivity(origin, sam, 'msg-9', { action: 'accept', context: { planId: 'p' }, uploadInfo })).toMatchObject({
      type: 'invoke', name: 'fileConsent/invoke', replyToId: 'msg-9', value: { type: 'fileUpload', action: 'accept', context: { planId: 'p' }, uploadInfo },
    });
    expect(fileConsentActivity(origin, sam, 'msg-9', { action: 'decline', context: { planId: 'p' } }).value).toEqual({ type: 'fileUpload', action: 'decline', context: { planId: 'p' } });
  });

  it('a file info card links only to a file this server stored', () => {
    const card = (contentUrl: string) => ({ attachments: [{ contentType: 'application/vnd.microsoft.teams.card.file.info', name: 'r.docx', contentUrl, content: { uniqueId: 'u', fileType: 'docx' } }] });
    const local = (url: string) => (url === 'http://127.0.0.1:1/files/u/r.docx' ? url : null);
    expect(filesOf(card('http://127.0.0.1:1/files/u/r.docx'), local)).toEqual([{ kind: 'info', name: 'r.docx', fileType: 'docx', url: 'http://127.0.0.1:1/files/u/r.docx' }]);
    expect(filesOf(card('https://evil.example/r.docx'), local)).toEqual([{ kind: 'info', name: 'r.docx', fileType: 'docx', url: null }]);
    expect(filesOf({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: {} }] }, local)).toEqual([]);
  });
});
