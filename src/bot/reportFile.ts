// Sending the board report in the personal chat the way Teams wants a bot to send a file: first a
// file consent card; when the person accepts, Teams sends a fileConsent/invoke with an upload URL in
// their OneDrive; the bot uploads the file there and posts a file info card. The card carries only
// what is needed to make the report again (plan, quarter, format, day), so any instance can answer.
import type { Attachment, InvokeResponse, TurnContext } from 'botbuilder';
import { visiblePlanIds } from '../app/access.ts';
import type { Caller } from '../app/caller.ts';
import { loadDirectory, type Directory } from '../app/directory.ts';
import type { Services } from '../app/services.ts';
import { isValidIsoDate, londonDate } from '../domain/calendar.ts';
import { onceOnly } from './onceOnly.ts';
import { makeReport, type ReportFormat } from '../report/makeReport.ts';
import { lastEndedQuarter, parseQuarter, quarterKey, quarterLabel, type Quarter } from '../report/quarter.ts';
import { allowedFileUrl, putFile, type FileHosts } from './outbound.ts';

/** The whole upload, unless told (a report is well under 1 MB). */
const UPLOAD_TIMEOUT_MS = 20_000;

/** What the person asked for: "board report for Q3", "report for Bedfordshire 2026-Q2 as Word". */
export interface ReportRequest {
  /** The plan's code (as the reader writes it), id or a word of its name; null: the one plan they see, if there is one. */
  plan: string | null;
  /** "2026-Q3" or "Q3"; null: the last quarter ended. */
  quarter: string | null;
  format: ReportFormat;
}

/** What travels in the consent card and comes back on accept. */
interface ConsentContext { planId: string; quarter: string; format: ReportFormat; asOf: string }

export const FILE_CONSENT_INVOKE = 'fileConsent/invoke';
export const FILE_CONSENT_CARD = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO_CARD = 'application/vnd.microsoft.teams.card.file.info';

function pickPlan(directory: Directory, visible: Set<string>, wanted: string | null): { planId: string } | { problem: string } {
  const plans = directory.plans.filter((p) => visible.has(p.id));
  if (plans.length === 0) return { problem: 'you hold no role in any plan, so there is no report to send.' };
  const word = wanted?.trim().toLowerCase();
  const code = (p: { code: string }): string => p.code.toLowerCase();
  const matches = word ? plans.filter((p) => code(p) === word || p.id.toLowerCase() === word || p.partnership.toLowerCase().includes(word)) : plans;
  if (matches.length === 1) return { planId: (matches[0] as { id: string }).id };
  const names = plans.map((p) => p.partnership).join('; ');
  return { problem: matches.length === 0 ? `no plan you can see matches "${wanted}". Your plans: ${names}.` : `which plan? Say for example "board report for ${(plans[0] as { partnership: string }).partnership} Q3". Your plans: ${names}.` };
}

/** What to say to "report": the file consent card, or a sentence saying why not. */
export type ReportOffer = { attachment: Attachment } | { text: string };

/** Builds the answer to "report" for the caller (a command can return it, or offerReport sends it). */
export async function reportOffer(services: Services, caller: Caller, request: ReportRequest): Promise<ReportOffer> {
  const today = londonDate(services.clock.now());
  const q: Quarter | null = request.quarter ? parseQuarter(request.quarter, today) : lastEndedQuarter(today);
  if (!q) return { text: `I could not read "${request.quarter}" as a quarter: say for example Q3 or 2026-Q3 (Q1 is April-June).` };
  const directory = await loadDirectory(services.store);
  const chosen = pickPlan(directory, visiblePlanIds(caller, directory), request.plan);
  if ('problem' in chosen) return { text: `Sorry: ${chosen.problem}` };
  const file = await makeReport(services.store, directory, chosen.planId, q, request.format, today);
  if (!file) return { text: 'Sorry: that plan is no longer stored.' };
  const acceptContext: ConsentContext = { planId: chosen.planId, quarter: quarterKey(q), format: request.format, asOf: today };
  return {
    attachment: {
      contentType: FILE_CONSENT_CARD,
      name: file.name,
      content: { description: `Board report: ${directory.plan(chosen.planId)?.partnership ?? chosen.planId}, ${quarterLabel(q)}`, sizeInBytes: file.bytes.length, acceptContext, declineContext: acceptContext },
    },
  };
}

/** Answers "report" in the chat: sends the file consent card, or says plainly why not. */
export async function offerReport(context: TurnContext, services: Services, caller: Caller, request: ReportRequest): Promise<void> {
  const offer = await reportOffer(services, caller, request);
  await context.sendActivity('text' in offer ? offer.text : { type: 'message', attachments: [offer.attachment] });
}

function contextFrom(value: unknown): ConsentContext | null {
  const c = value as Partial<ConsentContext> | null;
  if (!c || typeof c.planId !== 'string' || typeof c.quarter !== 'string' || (c.format !== 'docx' && c.format !== 'pdf') || typeof c.asOf !== 'string' || !isValidIsoDate(c.asOf)) return null;
  return c as ConsentContext;
}

/**
 * Answers a fileConsent/invoke. On accept: makes the report again (if the person may still see the
 * plan), uploads it in one PUT to the URL Teams gave, and posts the file info card. (Wired from
 * ActionBot's invoke handling when `context.activity.name === FILE_CONSENT_INVOKE`.)
 */
async function applyFileConsent(context: TurnContext, services: Services, caller: Caller, hosts: FileHosts & { timeoutMs?: number }): Promise<InvokeResponse> {
  const value = context.activity.value as { action?: string; context?: unknown; uploadInfo?: { uploadUrl?: string; contentUrl?: string; uniqueId?: string; fileType?: string; name?: string } } | undefined;
  const asked = contextFrom(value?.context);
  if (!asked) return { status: 400, body: { error: 'not a report consent' } };
  if (value?.action === 'decline') {
    await context.sendActivity('All right, I have not sent the report.');
    return { status: 200 };
  }
  const upload = value?.uploadInfo;
  if (value?.action !== 'accept' || !upload?.uploadUrl || !allowedFileUrl(upload.uploadUrl, hosts)) return { status: 400, body: { error: 'no upload session' } };
  const directory = await loadDirectory(services.store);
  const q = parseQuarter(asked.quarter, asked.asOf);
  if (!q || !visiblePlanIds(caller, directory).has(asked.planId)) {
    await context.sendActivity('Sorry: you can no longer see that plan, so I have not sent the report.');
    return { status: 200 };
  }
  const file = await makeReport(services.store, directory, asked.planId, q, asked.format, asked.asOf);
  if (!file) return { status: 404, body: { error: 'plan gone' } };
  // Only to the file hosts, no redirects, within a time limit (src/bot/outbound.ts).
  const put = await putFile(upload.uploadUrl, hosts, new Uint8Array(file.bytes), hosts.timeoutMs ?? UPLOAD_TIMEOUT_MS);
  if (!put.ok) {
    services.logger.warn({ failure: put.failure, status: put.status, planId: asked.planId }, 'report upload refused');
    await context.sendActivity('Sorry: OneDrive did not take the file just now. Ask me for the report again in a minute.');
    return { status: 200 };
  }
  await context.sendActivity({
    type: 'message',
    attachments: [{ contentType: FILE_INFO_CARD, name: upload.name ?? file.name, contentUrl: upload.contentUrl, content: { uniqueId: upload.uniqueId, fileType: upload.fileType ?? asked.format } }],
  });
  return { status: 200 };
}

/**
 * Answers a fileConsent/invoke once per activity id: Teams retries an invoke it thinks was lost with the
 * same id, and the retry gets the first answer without a second upload or file card.
 */
export async function answerFileConsent(context: TurnContext, services: Services, caller: Caller, hosts: FileHosts & { timeoutMs?: number }): Promise<InvokeResponse> {
  const { id, conversation } = context.activity;
  const { reply } = await onceOnly(services, id ? `${conversation.id}|${id}` : null, async () => JSON.stringify(await applyFileConsent(context, services, caller, hosts)));
  const answer = JSON.parse(reply) as InvokeResponse | unknown[];
  // Still being applied by the first delivery: that one finishes the upload and posts the card.
  return Array.isArray(answer) ? { status: 200 } : answer;
}
