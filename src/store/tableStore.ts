// Opens the whole store on one Azure storage account (or Azurite): every table named prefix + name.
import type { Store } from '../domain/ports.ts';
import { PlanRows } from './planRows.ts';
import { TableActionStore, ACTIONS_TABLE } from './tableActionStore.ts';
import { CHAT_TABLES, TableChatStore } from './tableChatStore.ts';
import { IMPORTS_TABLE, TableImportStore } from './tableImportStore.ts';
import { TablePeopleStore } from './tablePeopleStore.ts';
import { TablePlanStore } from './tablePlanStore.ts';
import { TableReminderLedger } from './tableReminderLedger.ts';
import { TableRoleStore } from './tableRoleStore.ts';
import { BRIEFINGS_TABLE, TableBriefingStore } from './tableBriefingStore.ts';
import { DIGEST_TABLES, TableDigestStore } from './tableDigestStore.ts';
import { SETTINGS_TABLE, TablePersonSettingsStore } from './tablePersonSettingsStore.ts';
import { LEASES_TABLE, TableSweepLeases } from './tableSweepLeases.ts';
import { openTables, type TableAccess } from './tables.ts';
import { PLAN_TALLIES_TABLE } from './planTallies.ts';
import { BLOCKED_TABLE } from './blockedIndex.ts';

/** The fixed tables; due-index tables (`Due202611`) are created as months come up. */
const TABLES = ['Plans', ACTIONS_TABLE, 'ActionRoles', 'History', 'People', 'Roles', 'Reminders', 'Sent', LEASES_TABLE, SETTINGS_TABLE, BRIEFINGS_TABLE, ...DIGEST_TABLES, ...CHAT_TABLES, IMPORTS_TABLE, PLAN_TALLIES_TABLE, BLOCKED_TABLE];

/**
 * Opens the store, creating its tables if needed. `UseDevelopmentStorage=true` and http endpoints
 * (Azurite) are allowed without TLS; anything else must be https.
 */
export async function openTableStore(access: TableAccess, prefix: string): Promise<Store> {
  const tables = openTables(access, prefix);
  for (const name of TABLES) await tables.ensure(name);
  const plans = new PlanRows(tables);
  const actions = new TableActionStore(tables, plans);
  const people = new TablePeopleStore(tables);
  const roles = new TableRoleStore(tables, people);
  // Role rows from before roles had tenants move to their holder's tenant (those of unknown people wait).
  await roles.migrate();
  return {
    plans: new TablePlanStore(tables, plans, actions),
    actions,
    people,
    roles,
    reminders: new TableReminderLedger(tables),
    leases: new TableSweepLeases(tables),
    settings: new TablePersonSettingsStore(tables),
    digests: new TableDigestStore(tables),
    briefings: new TableBriefingStore(tables),
    chat: new TableChatStore(tables),
    imports: new TableImportStore(tables),
  };
}
