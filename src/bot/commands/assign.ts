import { managedPlans, mayGrant } from '../../app/roleGrants.ts';
import { actorOf, mayManageRoles } from '../../app/caller.ts';
import { closest } from '../../app/closest.ts';
import { personNamed } from './personNamed.ts';
import { command } from './chatCommand.ts';

/** "assign SMLO to Jane Smith" / "unassign SMLO from Jane Smith": the commissioner and admins only. */
export const assignCommand = command({
  kinds: ['assign', 'unassign'],
  example: 'assign SMLO to Jane Smith',
  summary: 'give a role to a person (or "unassign SMLO from Jane Smith"); commissioner and admins',
  async run(turn, intent) {
    // A commissioner gives the roles their own plans name; an admin those of every plan of the tenant.
    const { settings } = turn.services;
    if (!mayManageRoles(turn.caller) || managedPlans(turn.caller, turn.directory).length === 0) return { text: 'Only the commissioner or an admin of your plans can assign roles.' };
    const verb = (role: string): string => `${intent.kind} ${role}`;
    const grant = mayGrant(turn.caller, intent.role, turn.directory, settings, verb);
    if (!grant.ok && grant.message !== '') return { text: grant.message };
    const role = grant.ok ? grant.role : undefined;
    if (intent.kind === 'assign' && !role) {
      const near = closest(intent.role, grant.ok ? [] : grant.near, 3);
      return { text: `No plan of yours names a role "${intent.role}", so nobody was given it.${near.length > 0 ? ` Did you mean ${near.join(' or ')}? e.g. "assign ${near[0]} to ${intent.person}"` : ' Type "roles" to see them.'}` };
    }
    const found = personNamed(turn, intent.person, `${intent.kind} ${role ?? intent.role} ${intent.kind === 'assign' ? 'to' : 'from'}`);
    if ('text' in found) return { text: found.text };
    const { person } = found;
    const at = turn.services.clock.now().toISOString();
    const name = role ?? intent.role;
    // Roles are the tenant's: the assignment is made in the caller's tenant, the person found there.
    const tenant = turn.caller.tenantId;
    if (intent.kind === 'assign') {
      await turn.services.store.roles.assign(tenant, name, person.id, actorOf(turn.caller), at);
      turn.services.logger.info({ role: name, personId: person.id, by: turn.caller.id }, 'role assigned');
      return { text: `${person.name} now holds ${name}.` };
    }
    const removed = await turn.services.store.roles.unassign(tenant, name, person.id, actorOf(turn.caller), at);
    return { text: removed ? `${person.name} no longer holds ${name}.` : `${person.name} did not hold ${name}.` };
  },
});
