// A message carrying a plan file (Teams' file download info, or the local chat playing it) or a pasted
// plan table, and the Import / Cancel presses on its preview card. The activity handler calls these; the
// use case decides.
import { cancelImport, confirmImport, importHelp, previewImport, type ImportAnswer, type ImportPreview, type PlanReader } from '../app/importPreview.ts';
import { mayManageRoles, type Caller } from '../app/caller.ts';
import type { Services } from '../app/services.ts';
import { seenAt } from '../app/seenLabel.ts';
import { ukDay } from '../app/importNotices.ts';
import type { ImportPreviewCard } from '../cards/models.ts';
import { renderCard } from '../cards/render.ts';
import type { ChatReply } from './commands/chatCommand.ts';
import { downloadFile, fileAttachments, MAX_FILE_BYTES } from './fileDownload.ts';
import { pastedTableHtml } from './pastedTable.ts';

/** What the file flow needs besides the services (wired in src/runtime.ts). */
export interface FileUploadDeps {
  /** Reads a plan file's bytes, whatever the format (pasted HTML included). */
  read: PlanReader;
  /** True when pasted HTML holds a table with a plan header (worked out off the event loop); other messages are left to the chat. */
  isPlanTable: (html: string) => boolean | Promise<boolean>;
  localMode: boolean;
  /** Where files may be fetched from and uploaded to outside local mode (FILE_HOSTS). */
  fileHosts: readonly string[];
  timeoutMs?: number;
}

const LIST_MAX = 15;

function listed<T>(items: T[], label: (item: T) => string): { label: string }[] {
  return items.slice(0, LIST_MAX).map((item) => ({ label: label(item) }));
}

/** How each kind of "By when" reads in the preview. */
const DUE_WORDS: Record<ImportPreview['byWhen'][number]['kind'], string> = {
  date: 'with a date', dates: 'with several dates', recurring: 'repeating', ongoing: 'ongoing',
  'as-required': 'as required', none: 'with no date', unparsed: 'not understood',
};

/** The preview as card data; long lists are cut so the message stays well under Teams' 28 KB. */
export function previewCard(preview: ImportPreview): ImportPreviewCard {
  const actions = preview.grids.reduce((sum, g) => sum + g.actions, 0);
  const fresh = preview.roles.filter((r) => r.isNew).length;
  const revision = preview.revision;
  const changes = revision === null ? [] : [
    ...revision.added.map((a) => `+ ${a}`),
    ...revision.removed.map((a) => `- ${a} (removed; its history is kept)`),
    ...revision.changed.map((c) => `~ ${c.ref ?? c.text.slice(0, 40)} ${c.field}: ${c.before || '(none)'} → ${c.after || '(none)'}`),
  ];
  const cut = [
    Math.max(0, preview.roles.length - LIST_MAX) && `${preview.roles.length - LIST_MAX} more roles`,
    Math.max(0, changes.length - LIST_MAX) && `${changes.length - LIST_MAX} more changes`,
    Math.max(0, preview.warnings.length - LIST_MAX) && `${preview.warnings.length - LIST_MAX} more warnings`,
  ].filter((part) => part !== 0);
  return {
    title: `Import ${preview.fileName}?`,
    partnership: preview.partnership,
    periodLabel: `${ukDay(preview.period.start)} to ${ukDay(preview.period.end)}`,
    notices: preview.notices.map((label) => ({ label })),
    actionsLabel: `${actions} action${actions === 1 ? '' : 's'} in ${preview.grids.length} grid${preview.grids.length === 1 ? '' : 's'}`,
    byWhenLabel: preview.byWhen.map((k) => `${k.actions} ${DUE_WORDS[k.kind]}`).join(', '),
    leadRoleLabel: `whoever holds ${preview.leadRole.role} (${preview.leadRole.why}): ${preview.leadRole.holders.length > 0 ? preview.leadRole.holders.join(', ') : `nobody yet${preview.leadRole.standIn ? ` (until someone does, whoever holds ${preview.leadRole.standIn} stands in)` : ''}`}. Change it with "lead role for <plan> is <role>".`,
    grids: listed(preview.grids, (g) => `Grid ${g.number}${g.title === '' ? '' : `: ${g.title}`} (${g.actions})`),
    rolesHeading: `Roles (${preview.roles.length}, ${fresh} new)`,
    roles: listed(preview.roles, (r) => `${r.name}: ${r.actions}${r.isNew ? ' (new)' : ''}${r.aliases.length > 0 ? `, also written ${r.aliases.join(', ')}` : ''}`),
    hasRevision: revision !== null,
    revisionHeading: revision === null ? '' : `Changes to the stored plan: ${revision.added.length} added, ${revision.removed.length} removed, ${revision.changed.length} changed`,
    changes: changes.slice(0, LIST_MAX).map((label) => ({ label })),
    warningsHeading: preview.warnings.length === 0 ? 'No warnings' : `Warnings (${preview.warnings.length})`,
    warnings: listed(preview.warnings, (w) => `${w.table !== undefined && w.row !== undefined ? `row ${w.row} of table ${w.table}` : `line ${w.line}`}: ${w.message}`),
    moreLabel: cut.length === 0 ? '' : `Not shown: ${cut.join(', ')}.`,
    token: preview.token,
  };
}

function reply(answer: ImportAnswer): ChatReply {
  return 'preview' in answer ? { card: renderCard('importPreview', previewCard(answer.preview)) } : { text: answer.message };
}

/** The name a pasted table goes by in messages and warnings. */
export const PASTED_NAME = 'the pasted table';

/**
 * Answers a message that carries file attachments, or a pasted table with a plan header; returns null
 * for any other message (the handler then reads its text as usual). One preview per file.
 */
export async function repliesToFiles(services: Services, caller: Caller, attachments: unknown, deps: FileUploadDeps, text?: unknown): Promise<ChatReply[] | null> {
  const files = fileAttachments(attachments);
  if (files.length === 0) {
    const html = pastedTableHtml(text, attachments);
    if (html === null || !(await deps.isPlanTable(html))) return null;
    return [reply(await previewImport(services, caller, { name: PASTED_NAME, bytes: new TextEncoder().encode(html) }, pastedReader(deps.read)))];
  }
  // Nothing is fetched for someone who may not import: a link from them is never followed.
  if (!mayManageRoles(caller)) return [{ text: await importHelp(services, caller) }];
  const replies: ChatReply[] = [];
  for (const file of files) {
    const download = await downloadFile(file, { localMode: deps.localMode, fileHosts: deps.fileHosts, maxBytes: MAX_FILE_BYTES, timeoutMs: deps.timeoutMs ?? 20_000 });
    if (!download.ok) {
      services.logger.warn({ personId: caller.id, failure: download.failure, status: download.status }, 'plan file not downloaded');
      replies.push({ text: `I could not use ${file.name}: ${download.reason}. Nothing was imported.` });
      continue;
    }
    replies.push(reply(await previewImport(services, caller, { name: file.name, bytes: download.bytes }, deps.read)));
  }
  return replies;
}

/** A pasted table has no file name to fall back on: it must say its partnership and plan year itself. */
function pastedReader(read: PlanReader): PlanReader {
  return async (bytes, name) => {
    const plan = await read(bytes, `${name}.html`);
    if (plan.partnership === 'Unknown partnership' || plan.warnings.some((w) => w.message.startsWith('no plan period found'))) {
      throw new Error(`it does not say which partnership and plan year it is: write a line above the table such as "Partnership name: Somerset DAAT, plan 2012/13" and paste it again`);
    }
    return plan;
  };
}

/** Import or Cancel pressed on a preview card: the message, and the card that replaces a settled preview; null for other verbs. */
export async function importPress(services: Services, caller: Caller, verb: unknown, data: unknown): Promise<{ message: string; card: object | null } | null> {
  if (verb !== 'importPlan' && verb !== 'cancelImport') return null;
  const token = typeof data === 'object' && data !== null && 'token' in data && typeof data.token === 'string' ? data.token.slice(0, 64) : '';
  const press = verb === 'cancelImport' ? await cancelImport(services, caller, token) : await confirmImport(services, caller, token);
  if (!press.settled) return { message: press.message, card: null };
  const imported = press.settled === 'imported';
  const card = renderCard('importOutcome', { title: imported ? 'Plan imported' : 'Import cancelled', imported, message: press.message, byLine: `${caller.name}, ${seenAt(services.clock.now().toISOString())}` });
  return { message: press.message, card };
}
