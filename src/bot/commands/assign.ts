import { leadRoleOf, mayManagePlan, tenantPlans } from '../../app/access.ts';
import { actorOf, mayManageRoles } from '../../app/caller.ts';
import { closest } from '../../app/closest.ts';
import { roleKey } from '../../domain/owners.ts';
import { personNamed } from './personNamed.ts';
import { command } from './chatCommand.ts';

/** "assign SMLO to Jane Smith" / "unassign SMLO from Jane Smith": the commissioner and admins only. */
export const assignCommand = command({
  kinds: ['assign', 'unassign'],
  example: 'assign SMLO to Jane Smith',
  summary: 'give a role to a person (or "unassign SMLO from Jane Smith"); commissioner and admins',
  async run(turn, intent) {
    // A commissioner assigns the roles their own plans name; an admin those of every plan of the tenant.
    const managed = tenantPlans(turn.caller, turn.directory).filter((p) => mayManagePlan(turn.caller, p.id, turn.directory));
    if (!mayManageRoles(turn.caller) || managed.length === 0) return { text: 'Only the commissioner or an admin of your plans can assign roles.' };
    const named = [...new Set(managed.flatMap((p) => [...p.roles.map((r) => r.name), leadRoleOf(p, turn.services.settings.LEAD_ROLE)]))];
    const role = named.find((n) => roleKey(n) === roleKey(intent.role));
    if (intent.kind === 'assign' && !role) {
      const near = closest(intent.role, named, 3);
      return { text: `No plan of yours names a role "${intent.role}", so nobody was given it.${near.length > 0 ? ` Did you mean ${near.join(' or ')}? e.g. "assign ${near[0]} to ${intent.person}"` : ' Type "roles" to see them.'}` };
    }
    const found = personNamed(turn, intent.person, `${intent.kind} ${role ?? intent.role} ${intent.kind === 'assign' ? 'to' : 'from'}`);
    if ('text' in found) return { text: found.text };
    const { person } = found;
    const at = turn.services.clock.now().toISOString();
    const name = role ?? intent.role;
    if (intent.kind === 'assign') {
      await turn.services.store.roles.assign(name, person.id, actorOf(turn.caller), at);
      turn.services.logger.info({ role: name, personId: person.id, by: turn.caller.id }, 'role assigned');
      return { text: `${person.name} now holds ${name}.` };
    }
    const removed = await turn.services.store.roles.unassign(name, person.id, actorOf(turn.caller), at);
    return { text: removed ? `${person.name} no longer holds ${name}.` : `${person.name} did not hold ${name}.` };
  },
});
