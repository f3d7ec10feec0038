// `roles merge "Commissioners" into "Commissioner"` against a real Azurite: the actions of the alias
// go to the role with their progress, the people who held the alias hold the role.
import { describe, expect, inject, it } from 'vitest';
import { mergeRoles } from '../../src/app/mergeRoles.ts';
import { loadConfig } from '../../src/config.ts';
import { openTableStore } from '../../src/store/tableStore.ts';
import { action, plan, startOf } from '../store/fixtures.ts';

const connectionString = inject('tablesConnectionString');
const by = { id: 'cli', name: 'command line' };
const clock = { now: () => new Date('2008-11-24T09:00:00Z') };
const settings = loadConfig({});

describe('merging two spellings of one role', () => {
  it('moves the alias\'s actions and holders to the role, keeping progress, and lists it as an alias', async () => {
    const store = await openTableStore(connectionString, 'mergeroles');
    await store.plans.savePlan({ ...plan('wight', [
      action('a1', '1.1', 'Report to the JCG', ['Commissioner'], '2008-12-01'),
      action('a2', '1.2', 'Ensure reporting of developments', ['Commissioners', 'Prison Healthcare Manager'], '2008-12-01'),
    ]), tenantId: 't1' }, startOf('2008-11-24'), '2008-11-24T09:00:00Z');
    await store.roles.assign('t1', 'Commissioners', 'aad-cat', by, '2008-11-24T09:00:00Z');

    const result = await mergeRoles({ store, clock, settings }, 'Commissioners', 'Commissioner', by);

    expect(result).toEqual({ alias: 'Commissioners', into: 'Commissioner', plans: [{ planId: 'wight', actions: 1 }], people: 1 });
    expect((await store.actions.get('wight', 'a2'))?.action.owners).toEqual(['Commissioner', 'Prison Healthcare Manager']);
    expect((await store.actions.ofRoles('t1', ['Commissioner'])).map((s) => s.action.id).sort()).toEqual(['a1', 'a2']);
    expect(await store.actions.ofRoles('t1', ['Commissioners'])).toEqual([]);
    expect(await store.roles.holders('t1', 'Commissioner')).toEqual(['aad-cat']);
    expect(await store.roles.holders('t1', 'Commissioners')).toEqual([]);
    const roles = (await store.plans.getPlan('wight'))?.roles;
    expect(roles?.find((r) => r.name === 'Commissioner')).toEqual({ name: 'Commissioner', actions: 2, aliases: ['Commissioners'] });
  });

  it('says there is nothing to merge when no plan and nobody has the alias', async () => {
    const store = await openTableStore(connectionString, 'mergenone');
    expect(await mergeRoles({ store, clock, settings }, 'Comissioner', 'Commissioner', by)).toBeNull();
  });
});
