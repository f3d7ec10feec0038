// The digest over the world people see in the demo: the five seed plans, moved to the 2026-27 plan year,
// and the demo people of seeds/roles.json holding their roles. A plan year of daily sweeps, owners
// answering part of each digest (seeded, the soak's rates). Reports the reminder lines sent, the messages
// that carried them, their ratio (how many times fewer sends than one card per reminder) and the most
// messages and lines one person got from one sweep.
import { callerFrom } from '../src/app/caller.ts';
import { loadDirectory } from '../src/app/directory.ts';
import { answerAction } from '../src/app/answerAction.ts';
import type { Answer } from '../src/domain/answers.ts';
import { addDays } from '../src/domain/calendar.ts';
import { digestKey, isEscalationLine } from '../src/domain/digestPorts.ts';
import type { IsoDate } from '../src/domain/plan.ts';
import { assignDemoRoles, importDemoPlans, readRolesFile } from '../src/demoData.ts';
import { runSweep } from '../src/scheduler/sweep.ts';
import { startBenchAzurite } from './support/benchAzurite.ts';
import { openTableStore } from '../src/store/tableStore.ts';
import { benchClock, benchConfig, benchServices, unpacedMessenger } from './support/benchBot.ts';
import { conversationFor } from './support/benchPeople.ts';
import { seededRandom } from './support/seededRandom.ts';
import { startThrottlingConnector } from './support/throttlingConnector.ts';
import { WeeklyFloor } from './support/weeklyFloor.ts';
import type { BenchFigure } from './table.ts';
import { sized } from './support/smoke.ts';

const YEAR_START: IsoDate = '2026-04-01';
const DAYS = sized(365, 7);
const PREFIX = 'seeddigest';
const SEED = 20261201;

/** What one plan year of sweeps sent. */
interface Tally { escalationLines: number; escalationMessages: number; lines: number; messages: number; maxMessages: number; maxLines: number; personSweeps: number; answers: number; tried: number; refused: Map<string, number>; days: number }

/** Owners answer part of their digest as in the soak: 40% done, 15% delayed, 5% blocked, the rest not yet. */
function answerFor(random: () => number, today: IsoDate): Answer | null {
  const r = random();
  if (r < 0.4) return { kind: 'done' };
  if (r < 0.55) return { kind: 'delayed', newDate: addDays(today, 7 + Math.floor(random() * 50)), reason: 'the provider is late' };
  return r < 0.6 ? { kind: 'blocked', reason: 'waiting for the PCT' } : null;
}

/** Runs the year and reports. */
export async function run(): Promise<BenchFigure[]> {
  const azurite = await startBenchAzurite();
  const connector = await startThrottlingConnector({ throttled: 0, retryAfterSeconds: 0, unavailable: 0, random: seededRandom(SEED) });
  try {
    const config = benchConfig({ TABLE_PREFIX: PREFIX });
    const store = await openTableStore(azurite.connectionString, PREFIX);
    const clock = benchClock(`${YEAR_START}T08:00:00Z`);
    const services = benchServices(store, clock, config);
    const roles = await readRolesFile('seeds/roles.json');
    await importDemoPlans(services, 'seeds/plans', roles.tenantId);
    for (const p of roles.people) {
      const person = { id: p.id, tenantId: roles.tenantId, name: p.name, reachable: true };
      await store.people.save(person, conversationFor(person, connector.url));
    }
    await assignDemoRoles(services, roles);
    const actions = (await Promise.all((await store.plans.listPlans()).map((p) => store.actions.listPlanActions(p.id)))).flat().length;
    const messenger = unpacedMessenger(config);
    const random = seededRandom(SEED);
    const floor = new WeeklyFloor();
    const tally: Tally = { escalationLines: 0, escalationMessages: 0, lines: 0, messages: 0, maxMessages: 0, maxLines: 0, personSweeps: 0, answers: 0, tried: 0, refused: new Map(), days: 0 };
    for (let day = 0; day < DAYS; day++) {
      const today = addDays(YEAR_START, day);
      const at = new Date(`${today}T08:00:00Z`);
      clock.set(at);
      const report = await runSweep(services, messenger, at);
      if (report.sent > 0) tally.days += 1;
      const perPerson = new Map<string, { messages: number; lines: number }>();
      for (const m of connector.drain()) {
        const personId = m.conversationId.replace(/^a:1/, '');
        // A digest's lines are all in the one message (later pages included); a single card is one line.
        const lines = m.digest ? ((await store.digests.get(m.digest))?.lines.length ?? 0) : 1;
        if (m.digest?.startsWith('escalation|')) {
          tally.escalationMessages += 1;
          tally.escalationLines += lines;
        }
        const seen = perPerson.get(personId) ?? { messages: 0, lines: 0 };
        perPerson.set(personId, { messages: seen.messages + 1, lines: seen.lines + lines });
      }
      for (const personId of perPerson.keys()) floor.add(personId, today);
      for (const { messages, lines } of perPerson.values()) {
        tally.messages += messages;
        tally.lines += lines;
        tally.maxMessages = Math.max(tally.maxMessages, messages);
        tally.maxLines = Math.max(tally.maxLines, lines);
        tally.personSweeps += 1;
      }
      clock.set(`${today}T13:00:00Z`);
      const directory = await loadDirectory(store);
      for (const personId of perPerson.keys()) {
        // A commissioner's own lines travel in their escalation digest: they answer those like any owner.
        const digests = await Promise.all((['owner', 'escalation'] as const).map((kind) => store.digests.get(digestKey(kind, personId, today))));
        const own = digests.flatMap((d) => d?.lines ?? []).filter((l) => !isEscalationLine(l));
        const caller = callerFrom(personId, directory.person(personId)?.name ?? personId, roles.tenantId, directory, services.settings);
        for (const line of own) {
          const answer = answerFor(random, today);
          if (!answer) continue;
          tally.tried += 1;
          const outcome = await answerAction(services, directory, caller, { planId: line.planId, actionId: line.actionId, occurrence: line.occurrence, answer, via: 'button' });
          if (outcome.kind === 'saved') tally.answers += 1;
          else {
            const why = outcome.kind === 'stale' ? 'stale' : outcome.reason.replace(/\d[\d-]*/g, 'N').slice(0, 60);
            tally.refused.set(why, (tally.refused.get(why) ?? 0) + 1);
          }
        }
      }
      if (day % 30 === 29) process.stderr.write(`  digest: day ${day + 1} (${today}), ${tally.messages} messages, ${tally.lines} lines\n`);
    }
    for (const [why, n] of tally.refused) process.stderr.write(`  digest: answer not saved ${n}×: ${why}\n`);
    const world = `five seed plans (${actions} actions, 2026-27), ${roles.people.length} demo people, ${DAYS} daily sweeps, owners answering 60% of lines (seed ${SEED})`;
    const round = (n: number): number => Math.round(n * 10) / 10;
    return [
      { key: 'digest.seedLines', label: `reminder lines sent (${world})`, value: tally.lines, unit: '' },
      { key: 'digest.seedMessages', label: `messages that carried them, on ${tally.days} sweep days`, value: tally.messages, unit: '' },
      { key: 'digest.seedRatio', label: 'reminder lines per message: times fewer sends than one card per reminder (goal ≥ 10)', value: tally.messages > 0 ? round(tally.lines / tally.messages) : 0, unit: 'x' },
      { key: 'digest.seedWeeklyFloorRatio', label: `reminder lines ÷ ${floor.messages} person-weeks holding any: the most "times fewer sends" any cadence reaches without a person going a week unreminded`, value: floor.messages > 0 ? round(tally.lines / floor.messages) : 0, unit: 'x' },
      { key: 'digest.seedEscalationLines', label: `of the lines, in the commissioners' messages (their own lines, late actions, and every reminder of roles nobody holds), in ${tally.escalationMessages} messages`, value: tally.escalationLines, unit: '' },
      { key: 'digest.seedOwnerRatio', label: 'reminder lines per message in the other messages (owners\' digests and single cards)', value: tally.messages - tally.escalationMessages > 0 ? round((tally.lines - tally.escalationLines) / (tally.messages - tally.escalationMessages)) : 0, unit: 'x' },
      { key: 'digest.seedMaxMessages', label: 'most messages one person got from one sweep (must be 1: a commissioner\'s own lines travel in their escalation digest)', value: tally.maxMessages, unit: '' },
      { key: 'digest.seedMaxLines', label: 'most reminder lines one person got from one sweep (one card each before the digest)', value: tally.maxLines, unit: '' },
      { key: 'digest.seedLinesPerPersonSweep', label: 'mean reminder lines per person per sweep that sent them anything', value: tally.personSweeps > 0 ? round(tally.lines / tally.personSweeps) : 0, unit: '' },
      { key: 'digest.seedAnswers', label: `answers saved from the owners' digests, of ${tally.tried} tried (the rest: answered a moment before by another owner, or an occurrence already closed)`, value: tally.answers, unit: '' },
    ];
  } finally {
    await connector.close();
    await azurite.stop();
  }
}
