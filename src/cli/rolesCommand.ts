// `actionbot roles …`: who holds which role, from the command line (admins without Teams at hand).
import { loadDirectory, rolesInPlans } from '../app/directory.ts';
import { roleKey } from '../domain/owners.ts';
import type { Services } from '../app/services.ts';
import { assignDemoRoles, readRolesFile } from '../demoData.ts';
import { ExitCode, type Command } from './command.ts';

const usage = `Usage:
  actionbot roles                          list the roles in the stored plans and who holds them
  actionbot roles assign <role> <person>   give a role to a person (AAD object id, or name once installed)
  actionbot roles unassign <role> <person> take it away
  actionbot roles load <file.json>         assign every role in a roles file (see seeds/roles.json)
  actionbot roles merge <alias> into <role>  one role written two ways: the alias's actions and people go to the role`;

const cli = { id: 'cli', name: 'command line' };

async function personId(services: Services, who: string): Promise<string | string[]> {
  if (/^[0-9a-f-]{36}$/i.test(who)) return who;
  const found = await services.store.people.findByName(who);
  return found.length === 1 && found[0] ? found[0].id : found.map((p) => p.name);
}

async function list(services: Services): Promise<number> {
  const directory = await loadDirectory(services.store);
  const assigned = new Map((await services.store.roles.list()).map((r) => [roleKey(r.role), r.personIds]));
  for (const { name, actions } of rolesInPlans(directory)) {
    // People assigned a role before they installed the bot are listed by id until Teams introduces them.
    const people = (assigned.get(roleKey(name)) ?? []).map((id) => directory.person(id)?.name ?? `${id} (has not installed the bot yet)`);
    process.stdout.write(`${name} (${actions} actions): ${people.length > 0 ? people.join(', ') : 'nobody'}\n`);
  }
  return ExitCode.ok;
}

async function merge(services: Services, alias: string, into: string): Promise<number> {
  const { mergeRoles } = await import('../app/mergeRoles.ts');
  const result = await mergeRoles(services, alias, into, cli);
  if (result === null) {
    process.stderr.write(`actionbot roles: no stored plan and nobody has a role "${alias}" to merge into "${into}"\n`);
    return ExitCode.inputFailed;
  }
  for (const plan of result.plans) process.stdout.write(`${plan.planId}: ${plan.actions} action(s) of "${alias}" now owned by "${into}"\n`);
  process.stdout.write(`${result.people} person(s) who held "${alias}" now hold "${into}"\n`);
  return ExitCode.ok;
}

export const rolesCommand: Command = {
  name: 'roles',
  summary: 'list, assign and unassign roles (or load a roles file)',
  usage,
  run: async (argv) => (await import('./cliServices.ts')).withServices(async (services) => {
    const [verb, ...rest] = argv;
    if (verb === undefined) return list(services);
    if (verb === 'load' && rest[0]) {
      const count = await assignDemoRoles(services, await readRolesFile(rest[0]));
      process.stdout.write(`${count} role assignments loaded from ${rest[0]}\n`);
      return ExitCode.ok;
    }
    const intoAt = rest.indexOf('into');
    if (verb === 'merge' && intoAt > 0 && intoAt < rest.length - 1) return merge(services, rest.slice(0, intoAt).join(' '), rest.slice(intoAt + 1).join(' '));
    if ((verb === 'assign' || verb === 'unassign') && rest.length >= 2) {
      const who = rest[rest.length - 1] as string;
      const role = rest.slice(0, -1).join(' ');
      const id = await personId(services, who);
      if (typeof id !== 'string') {
        process.stderr.write(`actionbot roles: ${id.length === 0 ? `nobody called "${who}" has installed the bot; use their AAD object id` : `"${who}" matches ${id.join(', ')}`}\n`);
        return ExitCode.inputFailed;
      }
      const at = new Date().toISOString();
      if (verb === 'assign') await services.store.roles.assign(role, id, cli, at);
      else if (!(await services.store.roles.unassign(role, id, cli, at))) process.stdout.write(`${who} did not hold ${role}\n`);
      process.stdout.write(`${verb === 'assign' ? 'assigned' : 'unassigned'} ${role} ${verb === 'assign' ? 'to' : 'from'} ${who}\n`);
      return ExitCode.ok;
    }
    process.stderr.write(`${usage}\n`);
    return ExitCode.usage;
  }),
};
