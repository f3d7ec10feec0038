// `actionbot report`: the quarterly board report of one plan, as Word or PDF, written to a file.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isValidIsoDate, londonDate } from '../domain/calendar.ts';
import { ExitCode, type Command } from './command.ts';

const usage = `Usage: actionbot report --plan PLAN [--quarter 2026-Q3] [--format docx|pdf] [--out FILE] [--as-of YYYY-MM-DD]

Writes the board report of one plan for a UK financial quarter (Q1 April-June ... Q4 January-March;
"2026-Q3" is October-December 2026). --plan is the plan's id or a word of its partnership's name.
Defaults: the last quarter ended, PDF (or the --out file's extension), a file named after the plan and
quarter in this folder, figures as of today.`;

type Values = { plan?: string; quarter?: string; format?: string; out?: string; 'as-of'?: string; help?: boolean };

export const reportCommand: Command = {
  name: 'report',
  summary: 'write the quarterly board report of a plan as Word (docx) or PDF',
  usage,
  async run(argv) {
    let values: Values;
    try {
      ({ values } = parseArgs({ args: argv, options: { plan: { type: 'string' }, quarter: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, 'as-of': { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
    } catch (err) {
      process.stderr.write(`actionbot report: ${(err as Error).message}\n${usage}\n`);
      return ExitCode.usage;
    }
    if (values.help) {
      process.stdout.write(`${usage}\n`);
      return ExitCode.ok;
    }
    const fail = (message: string, code: number = ExitCode.usage): number => {
      process.stderr.write(`actionbot report: ${message}\n`);
      return code;
    };
    const format = values.format ?? (values.out?.toLowerCase().endsWith('.docx') ? 'docx' : 'pdf');
    if (format !== 'docx' && format !== 'pdf') return fail(`--format is docx or pdf (got "${format}")`);
    if (!values.plan) return fail(`--plan is needed\n${usage}`);
    const today = values['as-of'] ?? londonDate(new Date());
    if (!isValidIsoDate(today)) return fail(`--as-of needs a date such as 2026-07-15 (got "${today}")`);
    const [{ withServices }, { loadDirectory }, { lastEndedQuarter, parseQuarter }, { makeReport }] = await Promise.all([
      import('./cliServices.ts'), import('../app/directory.ts'), import('../report/quarter.ts'), import('../report/makeReport.ts'),
    ]);
    const q = values.quarter ? parseQuarter(values.quarter, today) : lastEndedQuarter(today);
    if (!q) return fail(`--quarter looks like 2026-Q3 (got "${values.quarter}")`);
    return withServices(async (services) => {
      const directory = await loadDirectory(services.store);
      const wanted = (values.plan as string).toLowerCase();
      const exact = directory.plans.filter((p) => p.id.toLowerCase() === wanted);
      const matches = exact.length ? exact : directory.plans.filter((p) => p.partnership.toLowerCase().includes(wanted) || p.id.toLowerCase().includes(wanted));
      if (matches.length !== 1) {
        const known = directory.plans.map((p) => `  ${p.id}  (${p.partnership})`).join('\n');
        return fail(`${matches.length === 0 ? 'no plan matches' : 'several plans match'} "${values.plan}"; the stored plans are:\n${known || '  (none)'}`, ExitCode.inputFailed);
      }
      const file = await makeReport(services.store, directory, (matches[0] as { id: string }).id, q, format, today);
      if (!file) return fail('the plan went away while the report was made', ExitCode.inputFailed);
      const out = resolve(values.out ?? file.name);
      await writeFile(out, file.bytes);
      process.stdout.write(`wrote ${out} (${Math.round(file.bytes.length / 1024)} KB)\n`);
      return ExitCode.ok;
    });
  },
};
