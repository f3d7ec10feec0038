// The intents about documents: "report" (the board report, sent as a file), "import" (how), "undo import" and
// "roles merge X into Y". They need the turn's context, so ActionBot routes them here rather than
// through the command list.
import type { TurnContext } from 'botbuilder';
import { managedPlans, mergeRefusal } from '../app/roleGrants.ts';
import { actorOf, mayManageRoles } from '../app/caller.ts';
import { importHelp, undoImport } from '../app/importPreview.ts';
import { mergeRoles } from '../app/mergeRoles.ts';
import type { Intent } from '../domain/reading/intent.ts';
import type { ChatReply, ChatTurn } from './commands/chatCommand.ts';
import { offerReport } from './reportFile.ts';

type DocumentIntent = Extract<Intent, { kind: 'report' | 'undo-import' | 'import-help' | 'merge-roles' }>;

/** True for the intents this file acts on. */
export function isDocumentIntent(intent: Intent): intent is DocumentIntent {
  return intent.kind === 'report' || intent.kind === 'undo-import' || intent.kind === 'import-help' || intent.kind === 'merge-roles';
}

/** Acts on a document intent; replies already sent (the report's consent card) are not returned. */
export async function actOnDocumentIntent(context: TurnContext, turn: ChatTurn, intent: DocumentIntent): Promise<ChatReply[]> {
  const { services, caller, directory } = turn;
  if (intent.kind === 'report') {
    await offerReport(context, services, caller, { plan: intent.plan ?? null, quarter: intent.quarter ?? null, format: intent.format ?? 'docx' });
    return [];
  }
  if (intent.kind === 'undo-import') return [{ text: (await undoImport(services, caller)).message }];
  if (intent.kind === 'import-help') return [{ text: await importHelp(services, caller) }];
  if (!mayManageRoles(caller)) return [{ text: 'Only the commissioner or an admin can merge roles. Nothing was changed.' }];
  // Merging gives the alias's holders the role, and takes the alias from them: both must be the caller's to give.
  const refused = mergeRefusal(caller, intent.from, intent.into, directory, services.settings);
  if (refused !== null) return [{ text: refused }];
  const managed = new Set(managedPlans(caller, directory).map((p) => p.id));
  const merged = await mergeRoles(services, intent.from, intent.into, actorOf(caller), {
    plan: (planId) => managed.has(planId),
    tenant: (tenantId) => tenantId === caller.tenantId,
  });
  if (merged === null) return [{ text: `No plan of yours and nobody names "${intent.from}", so there was nothing to merge.` }];
  const plans = merged.plans.map((p) => `${directory.plan(p.planId)?.partnership ?? p.planId} (${p.actions} action${p.actions === 1 ? '' : 's'})`).join(', ');
  return [{ text: `Merged "${merged.alias}" into "${merged.into}": ${plans || 'no plan actions'}; ${merged.people} assignment${merged.people === 1 ? '' : 's'} moved.` }];
}
