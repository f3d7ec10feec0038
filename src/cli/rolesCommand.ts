// `actionbot roles …`: who holds which role, from the command line (admins without Teams at hand).
import { loadDirectory, rolesInPlans } from '../app/directory.ts';
import { roleKey } from '../domain/owners.ts';
import type { Services } from '../app/services.ts';
import { assignDemoRoles, readRolesFile } from '../demoData.ts';
import { ExitCode, type Command } from './command.ts';

const usage = `Usage:
  actionbot roles [--tenant ID]                     list each tenant's roles (in its plans) and who holds them
  actionbot roles assign <role> <person> [--tenant ID]   give a role to a person (AAD object id, or name once installed)
  actionbot roles unassign <role> <person> [--tenant ID] take it away
  actionbot roles load <file.json>                  assign every role in a roles file (see seeds/roles.json)
  actionbot roles merge <alias> into <role> [--tenant ID]  one role written two ways: the alias's actions and people go to the role

Roles belong to a tenant: --tenant names it. Without it, assign and unassign use the person's own tenant
(known once they installed the bot), else the tenant of the stored plans when there is only one; merge
and the list cover every tenant.`;

const cli = { id: 'cli', name: 'command line' };

async function personId(services: Services, who: string): Promise<string | string[]> {
  if (/^[0-9a-f-]{36}$/i.test(who)) return who;
  const found = await services.store.people.findByName(who);
  return found.length === 1 && found[0] ? found[0].id : found.map((p) => p.name);
}

/** The tenant a role is given in: the one named, else the person's own, else the stored plans' only tenant. */
async function tenantFor(services: Services, given: string | null, id: string): Promise<string | null> {
  if (given !== null) return given;
  const person = await services.store.people.get(id);
  if (person && person.tenantId !== '') return person.tenantId;
  const tenants = [...new Set((await services.store.plans.listPlans()).map((p) => p.tenantId).filter((t): t is string => t !== null))];
  return tenants.length === 1 ? (tenants[0] ?? null) : null;
}

async function list(services: Services, only: string | null): Promise<number> {
  const directory = await loadDirectory(services.store);
  const held = await services.store.roles.list(only ?? undefined);
  const tenants = only !== null ? [only] : [...new Set([...directory.plans.map((p) => p.tenantId), ...held.map((r) => r.tenantId)].filter((t): t is string => t !== null))].sort();
  for (const tenant of tenants) {
    if (tenants.length > 1 || only === null) process.stdout.write(`Tenant ${tenant}:\n`);
    const assigned = new Map(held.filter((r) => r.tenantId === tenant).map((r) => [roleKey(r.role), r.personIds]));
    for (const { name, actions } of rolesInPlans(directory, tenant)) {
      // People assigned a role before they installed the bot are listed by id until Teams introduces them.
      const people = (assigned.get(roleKey(name)) ?? []).map((id) => directory.person(id)?.name ?? `${id} (has not installed the bot yet)`);
      process.stdout.write(`${name} (${actions} actions): ${people.length > 0 ? people.join(', ') : 'nobody'}\n`);
    }
  }
  return ExitCode.ok;
}

async function merge(services: Services, alias: string, into: string, tenant: string | null): Promise<number> {
  const { mergeRoles } = await import('../app/mergeRoles.ts');
  const plans = new Map((await services.store.plans.listPlans()).map((p) => [p.id, p.tenantId]));
  const result = await mergeRoles(services, alias, into, cli, tenant === null ? undefined : { plan: (id) => plans.get(id) === tenant, tenant: (t) => t === tenant });
  if (result === null) {
    process.stderr.write(`actionbot roles: no stored plan and nobody has a role "${alias}" to merge into "${into}"\n`);
    return ExitCode.inputFailed;
  }
  for (const plan of result.plans) process.stdout.write(`${plan.planId}: ${plan.actions} action(s) of "${alias}" now owned by "${into}"\n`);
  process.stdout.write(`${result.people} person(s) who held "${alias}" now hold "${into}"\n`);
  return ExitCode.ok;
}

/** `--tenant ID` taken out of the arguments. */
function tenantOption(argv: string[]): { rest: string[]; tenant: string | null } | string {
  const at = argv.indexOf('--tenant');
  if (at < 0) return { rest: argv, tenant: null };
  const tenant = argv[at + 1];
  if (tenant === undefined || !/^[\w-]{1,100}$/.test(tenant)) return `--tenant needs a tenant id (got "${tenant ?? ''}")`;
  return { rest: [...argv.slice(0, at), ...argv.slice(at + 2)], tenant };
}

export const rolesCommand: Command = {
  name: 'roles',
  summary: 'list, assign and unassign roles (or load a roles file)',
  usage,
  run: async (argv) => (await import('./cliServices.ts')).withServices(async (services) => {
    const options = tenantOption(argv);
    if (typeof options === 'string') {
      process.stderr.write(`actionbot roles: ${options}\n`);
      return ExitCode.usage;
    }
    const [verb, ...rest] = options.rest;
    if (verb === undefined) return list(services, options.tenant);
    if (verb === 'load' && rest[0]) {
      const count = await assignDemoRoles(services, await readRolesFile(rest[0]));
      process.stdout.write(`${count} role assignments loaded from ${rest[0]}\n`);
      return ExitCode.ok;
    }
    const intoAt = rest.indexOf('into');
    if (verb === 'merge' && intoAt > 0 && intoAt < rest.length - 1) return merge(services, rest.slice(0, intoAt).join(' '), rest.slice(intoAt + 1).join(' '), options.tenant);
    if ((verb === 'assign' || verb === 'unassign') && rest.length >= 2) {
      const who = rest[rest.length - 1] as string;
      const role = rest.slice(0, -1).join(' ');
      const id = await personId(services, who);
      if (typeof id !== 'string') {
        process.stderr.write(`actionbot roles: ${id.length === 0 ? `nobody called "${who}" has installed the bot; use their AAD object id` : `"${who}" matches ${id.join(', ')}`}\n`);
        return ExitCode.inputFailed;
      }
      const tenant = await tenantFor(services, options.tenant, id);
      if (tenant === null) {
        process.stderr.write(`actionbot roles: ${who} has not installed the bot and the plans are of several tenants (or none): say which with --tenant ID\n`);
        return ExitCode.usage;
      }
      const at = new Date().toISOString();
      if (verb === 'assign') await services.store.roles.assign(tenant, role, id, cli, at);
      else if (!(await services.store.roles.unassign(tenant, role, id, cli, at))) process.stdout.write(`${who} did not hold ${role}\n`);
      process.stdout.write(`${verb === 'assign' ? 'assigned' : 'unassigned'} ${role} ${verb === 'assign' ? 'to' : 'from'} ${who} (tenant ${tenant})\n`);
      return ExitCode.ok;
    }
    process.stderr.write(`${usage}\n`);
    return ExitCode.usage;
  }),
};
