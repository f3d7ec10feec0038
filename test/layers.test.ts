// The layer rules in eslint.config.js refuse each crossing they are meant to refuse (and `npm run check`
// runs them over the real code). Each case lints one import line as if it sat in that folder.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function refused(filePath: string, line: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${line}\nexport const used = x;\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules', () => {
  it.each([
    ['the scheduler does not import the bot adapter', 'src/scheduler/x.ts', "import { x } from '../bot/messenger.ts';"],
    ['the scheduler does not import botbuilder', 'src/scheduler/x.ts', "import { x } from 'botbuilder';"],
    ['use cases do not build card view models', 'src/app/x.ts', "import { x } from '../cards/models.ts';"],
    ['use cases do not reach the store adapter', 'src/app/x.ts', "import { x } from '../store/tables.ts';"],
    ['the dashboard does not import store internals', 'src/dashboard/x.ts', "import { x } from '../store/tables.ts';"],
    ['the importer does not import use cases', 'src/import/x.ts', "import { x } from '../app/importPlans.ts';"],
    ['the store does not call use cases', 'src/store/x.ts', "import { x } from '../app/services.ts';"],
    ['botbuilder stays out of the dashboard', 'src/dashboard/x.ts', "import { x } from 'botbuilder';"],
    ['botbuilder stays out of the command line', 'src/cli/x.ts', "import { x } from 'botframework-connector';"],
    ['an adapter does not use the composition root', 'src/bot/commands/x.ts', "import { x } from '../../runtime.ts';"],
    ['the domain imports nothing outside itself', 'src/domain/x.ts', "import { x } from '../log.ts';"],
    ['nor from a sub-folder', 'src/domain/reading/x.ts', "import { x } from '../../store/tables.ts';"],
  ])('%s', async (_story, file, line) => {
    expect(await refused(file, line)).not.toEqual([]);
  });

  it.each([
    ['the scheduler uses the messenger port', 'src/scheduler/x.ts', "import { x } from '../domain/messenger.ts';"],
    ['the bot uses botbuilder and use cases', 'src/bot/x.ts', "import { x } from 'botbuilder';\nimport { y } from '../app/questions.ts';"],
    ['a domain sub-folder uses the rest of the domain', 'src/domain/reading/x.ts', "import { x } from '../plan.ts';"],
    ['the store implements domain ports', 'src/store/x.ts', "import { x } from '../domain/ports.ts';"],
    ['use cases word dates as people read them', 'src/app/x.ts', "import { x } from '../cards/format.ts';"],
  ])('allowed: %s', async (_story, file, line) => {
    expect(await refused(file, line)).toEqual([]);
  });
});
