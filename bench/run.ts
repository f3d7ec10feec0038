// `npm run bench [-- <section>…]`: runs the bench sections, prints one table, writes bench/results.json.
import { readFile, writeFile } from 'node:fs/promises';
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
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !sections.some((s) => s.name === name));
if (unknown.length > 0) {
  process.stderr.write(`bench: unknown section(s) ${unknown.join(', ')}; known: ${sections.map((s) => s.name).join(', ')}\n`);
  process.exit(2);
}

const figures: BenchFigure[] = [];
for (const section of sections) {
  if (wanted.length > 0 && !wanted.includes(section.name)) continue;
  process.stderr.write(`bench: ${section.name}…\n`);
  figures.push(...(await (await section.load()).run()));
}

process.stdout.write(benchTable(figures));
const resultsFile = new URL('./results.json', import.meta.url);
// Keys start with their section's name: a run of some sections keeps the other sections' last figures.
const ran = sections.filter((s) => wanted.length === 0 || wanted.includes(s.name)).map((s) => `${s.name}.`);
const previous = await readFile(resultsFile, 'utf8').then((text) => JSON.parse(text) as Record<string, number>).catch(() => ({}));
const kept = Object.entries(previous).filter(([key]) => !ran.some((prefix) => key.startsWith(prefix)));
const results = Object.fromEntries([...kept, ...figures.map((f) => [f.key, f.value] as const)]);
await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`written ${resultsFile.pathname}\n`);
