// Reads the reminder ledger's rows straight from the table (the port only gives totals), so the soak
// can say of each reminder that never arrived whether its failure was recorded. Follows the layout of
// src/store/tableReminderLedger.ts: table `${prefix}Reminders`, properties key, state, attempts.
import { TableClient } from '@azure/data-tables';
import type { LedgerState } from './reminderAudit.ts';

/** Every ledger row of a store, by reminder key. */
export async function ledgerRows(connectionString: string, prefix: string): Promise<Map<string, LedgerState>> {
  const client = TableClient.fromConnectionString(connectionString, `${prefix}Reminders`, { allowInsecureConnection: true });
  const rows = new Map<string, LedgerState>();
  const entities = client.listEntities<{ key: string; state: string; attempts: number }>({ queryOptions: { select: ['key', 'state', 'attempts'] } });
  for await (const row of entities) rows.set(row.key, { state: row.state, attempts: Number(row.attempts) });
  return rows;
}
