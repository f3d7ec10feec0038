// `actionbot import <file…>`: imports plan documents and prints what was found, as text or JSON.
import { parseArgs } from 'node:util';
import type { IsoDate, Plan } from '../domain/plan.ts';
import { rebasePlan } from '../domain/rebase.ts';
import { readPlanFile } from '../import/readPlanFile.ts';
import { planSummary } from '../import/summary.ts';
import { ExitCode, type Command } from './command.ts';

const usage = `Usage: actionbot import <file…> [--json] [--rebase YYYY-MM-DD] [--save [--tenant ID] [--lead-role ROLE]]

Imports planning-grid documents and prints, per plan, its partnership, period, actions per grid,
per kind of "By when" and per role, and every warning with its source line.

  --json                 print {"plans": [...]} instead of text
  --rebase YYYY-MM-DD    move each plan so its period starts on this date (whole years)
  --save                 store the plans (Azure Tables, or the embedded Azurite). A plan already stored
                         keeps the status and history of every action still in it; what was added,
                         removed and changed is listed
  --tenant ID            the Teams tenant (AAD tenant id) the plans belong to: only its people see them.
                         Default: the only ALLOWED_TENANTS entry; in local mode, the demo roles' tenant
  --lead-role ROLE       the role whose holders commission the plans (e.g. JCM). Default: a plan keeps its
                         own; a new plan gets the LEAD_ROLE setting if it names it, else its commissioning
                         lead title with most actions (Commissioner, Lead Commissioner, JCM, …), else
                         LEAD_ROLE
  -h, --help             show this text`;

/** The JSON shape of one plan: built field by field so the output keeps these keys, in this order. */
export function planJson(plan: Plan) {
  return {
    partnership: plan.partnership,
    period: { start: plan.period.start, end: plan.period.end },
    grids: plan.grids.map((g) => ({ number: g.number, title: g.title })),
    actions: plan.actions.map((a) => ({
      id: a.id,
      ref: a.ref,
      grid: a.grid,
      objective: a.objective,
      text: a.text,
      byWhenRaw: a.byWhenRaw,
      ownersRaw: a.ownersRaw,
      owners: [...a.owners],
      due: a.due,
      source: { line: a.source.line },
    })),
    warnings: plan.warnings.map((w) => ({ line: w.line, message: w.message })),
  };
}

/** True if `text` is a real calendar day written YYYY-MM-DD. */
export function isIsoDate(text: string): text is IsoDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

type Options = { files: string[]; json: boolean; rebase: IsoDate | null; save: boolean; tenant: string | null; leadRole: string | null; help: boolean };

function readOptions(argv: string[]): Options | string {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        rebase: { type: 'string' },
        save: { type: 'boolean', default: false },
        tenant: { type: 'string' },
        'lead-role': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const { values, positionals } = parsed;
  const rebase = values.rebase ?? null;
  if (rebase !== null && !isIsoDate(rebase)) {
    return `--rebase needs a real date written YYYY-MM-DD (got "${rebase}")`;
  }
  if (!values.help && positionals.length === 0) return 'no plan files given';
  if (values.tenant !== undefined && !/^[\w-]{1,100}$/.test(values.tenant)) return `--tenant needs a tenant id (got "${values.tenant}")`;
  const leadRole = values['lead-role']?.trim() ?? null;
  if (leadRole !== null && (leadRole === '' || leadRole.length > 100)) return `--lead-role needs a role name (got "${values['lead-role']}")`;
  return { files: positionals, json: values.json, rebase, save: values.save, tenant: values.tenant ?? null, leadRole, help: values.help };
}

async function run(argv: string[]): Promise<number> {
  const options = readOptions(argv);
  if (typeof options === 'string') {
    process.stderr.write(`actionbot import: ${options}\n${usage}\n`);
    return ExitCode.usage;
  }
  if (options.help) {
    process.stdout.write(`${usage}\n`);
    return ExitCode.ok;
  }
  let failed = 0;
  const imported: { file: string; plan: Plan }[] = [];
  // One file at a time, so error lines come out in the order the files were named.
  for (const file of options.files) {
    const result = await readPlanFile(file).catch((error: unknown) => ({
      ok: false as const,
      file,
      // A bug in the importer should not stop the other files importing; say it is one.
      reason: `importer failed (a bug, please report it): ${error instanceof Error ? error.message : String(error)}`,
    }));
    if (!result.ok) {
      failed += 1;
      process.stderr.write(`actionbot: ${result.file}: ${result.reason}\n`);
      continue;
    }
    const plan = options.rebase === null ? result.plan : rebasePlan(result.plan, options.rebase);
    imported.push({ file, plan });
  }
  if (options.json) {
    const output = { plans: imported.map(({ plan }) => planJson(plan)) };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  } else {
    process.stdout.write(imported.map(({ file, plan }) => planSummary(plan, file)).join('\n'));
  }
  if (options.save && imported.length > 0 && !(await save(imported.map((i) => i.plan), options.json, options.tenant, options.leadRole))) return ExitCode.usage;
  return failed > 0 ? ExitCode.inputFailed : ExitCode.ok;
}

/** Stores the plans and reports, per plan, what the import changed (on stderr when stdout is JSON). */
async function save(plans: Plan[], json: boolean, given: string | null, leadRole: string | null): Promise<boolean> {
  const out = json ? process.stderr : process.stdout;
  // Storage modules load only when asked to save: a plain import stays quick to start.
  const { withServices } = await import('./cliServices.ts');
  const { describeImport, leadRoleFor, storePlan } = await import('../app/importPlans.ts');
  const { leadRoleReason } = await import('../domain/leadRole.ts');
  const { readRolesFile } = await import('../demoData.ts');
  return withServices(async (services, config) => {
    // Fail closed: outside local mode a plan is never stored without knowing whose it is.
    const demoTenant = config.localMode && config.DEMO_ROLES ? (await readRolesFile(config.DEMO_ROLES).catch(() => null))?.tenantId ?? null : null;
    const tenant = given ?? (config.ALLOWED_TENANTS.length === 1 ? config.ALLOWED_TENANTS[0] ?? null : demoTenant);
    if (!tenant) {
      process.stderr.write('actionbot import: --save needs --tenant ID (the Teams tenant the plans belong to)\n');
      return false;
    }
    for (const plan of plans) {
      const lead = await leadRoleFor(services, plan, leadRole ?? undefined);
      const report = await storePlan(services, plan, tenant, leadRole ?? undefined);
      out.write(`saved ${describeImport(report)}\n`);
      if (lead) out.write(`  lead role: ${lead.role} (${leadRoleReason(lead, services.settings.LEAD_ROLE)})\n`);
      for (const a of report.added.slice(0, report.created ? 0 : 50)) out.write(`  + ${a.ref ?? ''} ${a.text.slice(0, 70)}\n`);
      for (const a of report.removed) out.write(`  - ${a.ref ?? ''} ${a.text.slice(0, 70)} (removed; its history is kept)\n`);
      for (const c of report.changed) {
        const move = c.dueMoved ? `; now due ${c.dueMoved.to ?? 'with no date'}, was ${c.dueMoved.from ?? 'no date'}` : '';
        out.write(`  ~ ${c.after.ref ?? ''} ${c.after.text.slice(0, 60)} (${c.fields.join(', ')} changed${move})\n`);
      }
    }
    return true;
  });
}

/** `actionbot import`: see `usage`. */
export const importCommand: Command = {
  name: 'import',
  summary: 'import planning-grid documents and summarise them (or print JSON)',
  usage,
  run,
};
