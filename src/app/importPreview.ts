// Importing a plan sent in Teams: the commissioner or an admin sends the file, sees a preview (what was
// read, which roles are new, every warning, and for a plan already stored what would change), and only
// Import stores it. The preview is stored (it survives a restart) for four hours and imports once; the same
// person may undo the import the same day.
import { randomUUID } from 'node:crypto';
import { TZDate } from '@date-fns/tz';
import { londonDate } from '../domain/calendar.ts';
import { roleKey } from '../domain/owners.ts';
import type { Due, Plan, PlanAction } from '../domain/plan.ts';
import { NewerImportError } from '../domain/ports.ts';
import { leadRoleReason, type LeadRoleSource } from '../domain/leadRole.ts';
import { mayManagePlan, whoToAsk } from './access.ts';
import { mayManageRoles, type Caller } from './caller.ts';
import { loadDirectory } from './directory.ts';
import { describeImport, leadRoleFor, storePlan } from './importPlans.ts';
import { importNotices } from './importNotices.ts';
import type { Services } from './services.ts';

/** Reads a plan file's bytes (any format); throws an Error whose message says why it holds no plan. */
export type PlanReader = (bytes: Uint8Array, name: string) => Promise<Plan>;

const DUE_KINDS: Due['kind'][] = ['date', 'dates', 'recurring', 'ongoing', 'as-required', 'none', 'unparsed'];
const PREVIEW_TTL_MS = 4 * 60 * 60 * 1000;

/** A change to an action already stored, old → new. */
export interface PreviewChange {
  ref: string | null;
  text: string;
  field: 'by when' | 'owners';
  before: string;
  after: string;
}

/** What the commissioner sees before choosing Import or Cancel. */
export interface ImportPreview {
  token: string;
  fileName: string;
  partnership: string;
  period: { start: string; end: string };
  grids: { number: number; title: string; actions: number }[];
  byWhen: { kind: Due['kind']; actions: number }[];
  roles: { name: string; actions: number; isNew: boolean; aliases: string[] }[];
  /** The plan's lead role (its commissioner's), why it is that one, and who holds it in the importer's tenant. */
  leadRole: { role: string; why: string; holders: string[]; standIn: string | null };
  warnings: { line: number; message: string; table?: number; row?: number }[];
  /** Warnings about the plan as a whole (its year is over, its name is another plan's), in plain words. */
  notices: string[];
  /** Null for a plan not stored yet. */
  revision: { added: string[]; removed: string[]; changed: PreviewChange[] } | null;
}

/** The answer to a file, a press or "undo import": a preview, or words. */
export type ImportAnswer = { preview: ImportPreview } | { message: string };

async function leadWords(services: Pick<Services, 'store' | 'settings'>, caller: Caller): Promise<string> {
  const ask = whoToAsk(caller, await loadDirectory(services.store), services.settings);
  return `Only a plan's commissioner (whoever holds its lead role) or an admin can import a plan. Please send the file to ${ask.length > 0 ? ask.join(' or ') : 'them'}.`;
}

/** "how do I import a plan?": how, for those who may; who to send it to, for others. */
export async function importHelp(services: Pick<Services, 'store' | 'settings'>, caller: Caller): Promise<string> {
  if (!mayManageRoles(caller)) return leadWords(services, caller);
  return 'To import a plan, send me its file here (Word, PDF, Excel, CSV or text, up to 10 MB), or paste its table. I show you a preview first; nothing is stored until you press Import, and "undo import" takes it back the same day.';
}

/** Why the caller may not replace a stored plan (only its commissioner and admins may), or null. */
async function notTheirs(services: Pick<Services, 'store'>, caller: Caller, planId: string): Promise<string | null> {
  const directory = await loadDirectory(services.store);
  const stored = directory.plan(planId);
  if (stored === undefined || mayManagePlan(caller, planId, directory)) return null;
  if (stored.tenantId !== caller.tenantId) return 'That plan belongs to another organisation, so it cannot be imported here. Nothing was imported.';
  return `Only the commissioner of ${stored.partnership} (whoever holds ${stored.leadRole ?? 'its lead role'}) or an admin can import a new version of it. Nothing was imported.`;
}

/** The lead role the plan would have once imported, and who holds it in the caller's tenant. */
async function leadRoleShown(services: Pick<Services, 'store' | 'settings'>, caller: Caller, plan: Plan): Promise<ImportPreview['leadRole']> {
  const chosen = await leadRoleFor(services, plan);
  const role = chosen?.role ?? (await services.store.plans.listPlans()).find((p) => p.id === plan.id)?.leadRole ?? services.settings.LEAD_ROLE;
  const why = chosen === null ? 'kept from the stored plan' : plainReason(chosen.source, leadRoleReason(chosen, services.settings.LEAD_ROLE));
  const holders = await services.store.roles.holders(caller.tenantId, role);
  const names = await Promise.all(holders.map((id) => services.store.people.get(id)));
  const here = names.filter((p) => p !== null && p.tenantId === caller.tenantId).map((p) => p!.name);
  // While nobody holds it, the holders of the LEAD_ROLE setting commission the plan (src/app/access.ts).
  const standIn = here.length === 0 && role !== services.settings.LEAD_ROLE ? services.settings.LEAD_ROLE : null;
  return { role, why, holders: here, standIn };
}

/** Why this lead role, without the setting's name (the preview is read by commissioners, not by whoever set the bot up). */
function plainReason(source: LeadRoleSource, reason: string): string {
  switch (source) {
    case 'setting': return 'the role that commissions plans here, which the plan names';
    case 'default': return 'the plan names no commissioner, so the role that commissions plans here';
    default: return reason;
  }
}

function label(action: PlanAction): string {
  return `${action.ref === null ? '' : `${action.ref} `}${action.text.length > 80 ? `${action.text.slice(0, 79)}…` : action.text}`;
}

function revisionOf(stored: Plan, plan: Plan): ImportPreview['revision'] {
  const before = new Map(stored.actions.map((a) => [a.id, a]));
  const after = new Map(plan.actions.map((a) => [a.id, a]));
  const changed: PreviewChange[] = [];
  for (const action of plan.actions) {
    const old = before.get(action.id);
    if (old === undefined) continue;
    if (old.byWhenRaw !== action.byWhenRaw) changed.push({ ref: action.ref, text: action.text, field: 'by when', before: old.byWhenRaw, after: action.byWhenRaw });
    if (old.owners.join(', ') !== action.owners.join(', ')) changed.push({ ref: action.ref, text: action.text, field: 'owners', before: old.owners.join(', '), after: action.owners.join(', ') });
  }
  return {
    added: plan.actions.filter((a) => !before.has(a.id)).map(label),
    removed: stored.actions.filter((a) => !after.has(a.id)).map(label),
    changed,
  };
}

/** Reads a sent file into a preview; stores nothing. */
export async function previewImport(
  services: Pick<Services, 'store' | 'clock' | 'settings'>, caller: Caller, file: { name: string; bytes: Uint8Array },
  read: PlanReader,
): Promise<ImportAnswer> {
  if (!mayManageRoles(caller)) return { message: await leadWords(services, caller) };
  let plan: Plan;
  try {
    plan = await read(file.bytes, file.name);
  } catch (error) {
    return { message: `I could not read a plan in ${file.name}: ${error instanceof Error ? error.message.replace(`${file.name}: `, '') : String(error)}. Nothing was imported.` };
  }
  const stored = await services.store.plans.getPlan(plan.id);
  const refused = await notTheirs(services, caller, plan.id);
  if (refused) return { message: refused };
  const theirs = (await services.store.plans.listPlans()).filter((p) => p.tenantId === caller.tenantId);
  const known = new Set([
    ...(await services.store.roles.list(caller.tenantId)).map((r) => roleKey(r.role)),
    ...theirs.flatMap((p) => p.roles.map((r) => roleKey(r.name))),
  ]);
  const now = services.clock.now();
  await services.store.imports.dropExpired(now.toISOString());
  const token = randomUUID();
  await services.store.imports.savePreview({ token, personId: caller.id, plan, expires: new Date(now.getTime() + PREVIEW_TTL_MS).toISOString() });
  return {
    preview: {
      token,
      fileName: file.name,
      partnership: plan.partnership,
      period: plan.period,
      grids: plan.grids.map((g) => ({ ...g, actions: plan.actions.filter((a) => a.grid === g.number).length })),
      byWhen: DUE_KINDS.map((kind) => ({ kind, actions: plan.actions.filter((a) => a.due.kind === kind).length })).filter((k) => k.actions > 0),
      roles: plan.roles.map((r) => ({ name: r.name, actions: r.actions, isNew: !known.has(roleKey(r.name)), aliases: r.aliases ?? [] })),
      leadRole: await leadRoleShown(services, caller, plan),
      warnings: plan.warnings,
      notices: importNotices(plan, londonDate(now), theirs),
      revision: stored === null ? null : revisionOf(stored, plan),
    },
  };
}

/** Import pressed: stores the previewed plan for the caller's tenant, once however often it is pressed. */
/** What a press on a preview did; `settled` when the preview is finished with, so its card can go. */
export interface PreviewPress { message: string; settled?: 'imported' | 'cancelled' }

export async function confirmImport(services: Pick<Services, 'store' | 'clock' | 'settings'>, caller: Caller, token: string): Promise<PreviewPress> {
  if (!mayManageRoles(caller)) return { message: await leadWords(services, caller) };
  const gone = { message: 'That preview has expired or was already used. Send the file again to import it.' };
  const now = services.clock.now();
  const entry = token === '' ? null : await services.store.imports.preview(token);
  if (entry === null || entry.expires < now.toISOString()) return gone;
  if (entry.personId !== caller.id) return { message: 'Only the person who sent the file can import it.' };
  const taken = await services.store.imports.takePreview(token);
  if (taken === null) return gone;
  const refused = await notTheirs(services, caller, taken.plan.id);
  if (refused) return { message: refused };
  const previous = await services.store.plans.getPlan(taken.plan.id);
  const before = (await services.store.plans.listPlans()).find((p) => p.id === taken.plan.id)?.revision;
  let report;
  try {
    report = await storePlan(services, taken.plan, caller.tenantId, undefined, { by: caller.name });
  } catch (error) {
    // Nothing lost: the preview can be pressed again once storage answers.
    await services.store.imports.savePreview(taken).catch(() => undefined);
    throw error;
  }
  await services.store.imports.saveDone({ personId: caller.id, day: londonDate(now), at: now.toISOString(), planId: taken.plan.id, previous, revision: report.revision, ...(before !== undefined ? { before } : {}) });
  return { message: `Imported ${describeImport(report)}. Say "undo import" today to put it back as it was.`, settled: 'imported' };
}

/** Cancel pressed: the preview is forgotten. */
export async function cancelImport(services: Pick<Services, 'store'>, caller: Caller, token: string): Promise<PreviewPress> {
  const entry = token === '' ? null : await services.store.imports.preview(token);
  // Someone else's preview (a forwarded card) is left for its sender to settle.
  if (entry !== null && entry.personId !== caller.id) return { message: 'Cancelled: nothing was imported.' };
  if (entry !== null) await services.store.imports.takePreview(token);
  return { message: 'Cancelled: nothing was imported.', settled: 'cancelled' };
}

/** "14:02" in London, or the day and time when not today. */
function londonClock(iso: string, today: string): string {
  const at = new TZDate(Date.parse(iso), 'Europe/London');
  const time = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  const day = londonDate(new Date(Date.parse(iso)));
  return day === today ? time : `${time} on ${day}`;
}

/** Why an undo is refused: the plan was imported again after the import being undone. */
function newerImport(code: string, importedAt: string, importedBy: string | null, today: string): string {
  const when = importedAt ? ` at ${londonClock(importedAt, today)}` : '';
  return `${code} was imported again${when}${importedBy ? ` by ${importedBy}` : ''} after this import; undo that one first. Nothing was changed.`;
}

/**
 * "undo import": the caller's last import today is put back as it was (a new plan is left with no actions;
 * history is kept). Refused when the plan was imported again since; all or nothing like any plan change.
 */
export async function undoImport(services: Pick<Services, 'store' | 'clock' | 'settings'>, caller: Caller): Promise<{ message: string }> {
  const today = londonDate(services.clock.now());
  const last = await services.store.imports.takeLastDone(caller.id, today);
  if (last === null) return { message: 'You have no import today to undo.' };
  // Until the undo is done the record goes back, so it can be asked for again (after the newer one is undone, or storage answers).
  const keep = () => services.store.imports.saveDone(last).catch(() => undefined);
  try {
    const stored = (await services.store.plans.listPlans()).find((p) => p.id === last.planId);
    // Records kept before revisions carry none: the import time says whether another came after.
    if (stored && last.revision === undefined && stored.importedAt > last.at) {
      await keep();
      return { message: newerImport(stored.code, stored.importedAt, stored.importedBy ?? null, today) };
    }
    const current = await services.store.plans.getPlan(last.planId);
    const restored = last.previous ?? (current === null ? null : { ...current, actions: [], roles: [] });
    if (restored === null) return { message: 'That plan is no longer stored: nothing to undo.' };
    const options = { by: caller.name, ...(last.revision !== undefined ? { expect: last.revision } : {}), ...(last.before !== undefined ? { sameAs: last.before } : {}) };
    const report = await storePlan(services, restored, undefined, undefined, options);
    return { message: `Undone: ${describeImport(report)}.` };
  } catch (error) {
    await keep();
    if (error instanceof NewerImportError) return { message: newerImport(error.planCode, error.importedAt, error.importedBy, today) };
    throw error;
  }
}
