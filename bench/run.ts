// `npm run bench [-- <section>…]`: runs the bench sections, prints one table, writes bench/results.json.
// `npm run bench -- --smoke [<section>…]`: every section at a small size (CI runs this), nothing written;
// any section that fails makes the run fail, after the others have run.
import { readFile, writeFile } from 'node:fs/promises';
import { stopSharedAzurite } from './support/benchAzurite.ts';
import { SMOKE } from './support/smoke.ts';
import { benchTable, type BenchFigure, type BenchSection } from './table.ts';

/** Every section. Adding one is one line here. */
const sections: { name: string; load: () => Promise<BenchSection> }[] = [
  { name: 'import', load: () => import('./importBench.ts') },
  { name: 'store', load: () => import('./storeBench.ts') },
  { name: 'send', load: () => import('./sendBench.ts') },
  { name: 'sweep', load: () => import('./sweepBench.ts') },
  { name: 'overdue', load: () => import('./overdueBench.ts') },
  { name: 'questions', load: () => import('./questionsBench.ts') },
  { name: 'digest', load: () => import('./seedDigestBench.ts') },
  { name: 'soak', load: () => import('./soakBench.ts') },
  { name: 'report', load: () => import('./reportBench.ts') },
  { name: 'tab', load: () => import('./tabBench.ts') },
  { name: 'read', load: () => import('./readBench.ts') },
  { name: 'chatfiles', load: () => import('./chatFilesBench.ts') },
  { name: 'botmem', load: () => import('./botMemoryBench.ts') },
];

const wanted = process.argv.slice(2).filter((arg) => arg !== '--smoke');
const unknown = wanted.filter((name) => !sections.some((s) => s.name === name));
if (unknown.length > 0) {
  process.stderr.write(`bench: unknown section(s) ${unknown.join(', ')}; known: ${sections.map((s) => s.name).join(', ')}\n`);
  process.exit(2);
}

const figures: BenchFigure[] = [];
const failed: string[] = [];
const runStart = performance.now();
for (const section of sections) {
  if (wanted.length > 0 && !wanted.includes(section.name)) continue;
  process.stderr.write(`bench: ${section.name}${SMOKE ? ' (smoke)' : ''}…\n`);
  const started = performance.now();
  try {
    figures.push(...(await (await section.load()).run()));
  } catch (err) {
    failed.push(section.name);
    process.stderr.write(`bench: ${section.name} FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.stderr.write(`bench: ${section.name} took ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

await stopSharedAzurite();
process.stdout.write(benchTable(figures));
if (SMOKE) {
  process.stdout.write(`smoke run: ${((performance.now() - runStart) / 1000).toFixed(1)} s; figures not kept\n`);
} else {
  const resultsFile = new URL('./results.json', import.meta.url);
  // Keys start with their section's name: a run of some sections keeps the other sections' last figures.
  const ran = sections.filter((s) => (wanted.length === 0 || wanted.includes(s.name)) && !failed.includes(s.name)).map((s) => `${s.name}.`);
  const previous = await readFile(resultsFile, 'utf8').then((text) => JSON.parse(text) as Record<string, number>).catch(() => ({}));
  const kept = Object.entries(previous).filter(([key]) => !ran.some((prefix) => key.startsWith(prefix)));
  const results = Object.fromEntries([...kept, ...figures.map((f) => [f.key, f.value] as const)]);
  await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`written ${resultsFile.pathname}\n`);
}
if (failed.length > 0) {
  process.stderr.write(`bench: failed section(s): ${failed.join(', ')}\n`);
  process.exit(1);
}
