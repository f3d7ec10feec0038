// Reminder settings per person and covers per role, on Azure Table storage. Both are small (one row per
// person who changed a setting, one per cover), so each is one partition read whole.
import { odata, type TableEntity } from '@azure/data-tables';
import type { Cover, PersonSettingsStore } from '../domain/digestPorts.ts';
import { defaultSettings, type PersonSettings } from '../domain/personSettings.ts';
import { normaliseRole, textToKey } from './keys.ts';
import { attempt, listAll, statusOf, storeError, type Tables } from './tables.ts';
import { getJson, putJson } from './textFields.ts';

export const SETTINGS_TABLE = 'PersonSettings';
const SETTINGS = 'settings';
const COVERS = 'cover';

type Row = Record<string, unknown>;

function toSettings(row: Row): PersonSettings {
  const base = defaultSettings(String(row.personId));
  return {
    ...base,
    mode: getJson(row, 'mode', base.mode),
    pausedUntil: typeof row.pausedUntil === 'string' ? row.pausedUntil : null,
    onLeave: row.onLeave === true,
    snoozes: getJson(row, 'snoozes', base.snoozes),
  };
}

/** The PersonSettingsStore on Azure Table storage. */
export class TablePersonSettingsStore implements PersonSettingsStore {
  constructor(private readonly tables: Tables) {}

  private get client() {
    return this.tables.table(SETTINGS_TABLE);
  }

  async get(personId: string): Promise<PersonSettings> {
    try {
      return toSettings(await this.client.getEntity<Row>(SETTINGS, textToKey(personId)));
    } catch (err) {
      if (statusOf(err) === 404) return defaultSettings(personId);
      throw storeError(`reading the settings of ${personId}`, err);
    }
  }

  async save(settings: PersonSettings): Promise<void> {
    const row: Row = { partitionKey: SETTINGS, rowKey: textToKey(settings.personId), personId: settings.personId, onLeave: settings.onLeave };
    if (settings.pausedUntil !== null) row.pausedUntil = settings.pausedUntil;
    putJson(row, 'mode', settings.mode);
    putJson(row, 'snoozes', settings.snoozes);
    await attempt(`saving the settings of ${settings.personId}`, () => this.client.upsertEntity(row as TableEntity, 'Replace'));
  }

  async list(): Promise<PersonSettings[]> {
    return (await listAll<Row>(this.client, odata`PartitionKey eq ${SETTINGS}`, 'listing settings')).map(toSettings);
  }

  async covers(): Promise<Cover[]> {
    const rows = await listAll<Cover>(this.client, odata`PartitionKey eq ${COVERS}`, 'listing covers');
    return rows.map((r) => ({ role: r.role, personId: r.personId, until: r.until, by: r.by, granted: r.granted === true }));
  }

  async saveCover(cover: Cover): Promise<void> {
    const row = { partitionKey: COVERS, rowKey: textToKey(`${normaliseRole(cover.role)}|${cover.personId}`), ...cover };
    await attempt(`saving the cover of ${cover.role}`, () => this.client.upsertEntity(row, 'Replace'));
  }

  async removeCover(role: string, personId: string): Promise<void> {
    await this.client.deleteEntity(COVERS, textToKey(`${normaliseRole(role)}|${personId}`)).catch((err: unknown) => {
      if (statusOf(err) !== 404) throw storeError(`removing the cover of ${role}`, err);
    });
  }
}
