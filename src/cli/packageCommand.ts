// `actionbot package`: the Teams app package for this bot, ready to upload.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { parseSettings } from '../config.ts';
import { buildAppPackage } from '../bot/appPackage.ts';
import { ExitCode, type Command } from './command.ts';

const usage = `actionbot package [--out FILE]

Writes the Teams app package (default actionbot.zip): manifest.json with MicrosoftAppId from .env
as the bot id and BOT_DOMAIN as the host of the dashboard tab and its sign-on, and the two icons. Upload it in Teams: Apps > Manage your apps > Upload an app.`;

/** Settings from .env (if there is one) under those already in the environment. */
function settings(): Record<string, string | undefined> {
  const fromFile = existsSync('.env') ? parseEnv(readFileSync('.env', 'utf8')) : {};
  return { ...fromFile, ...process.env };
}

export const packageCommand: Command = {
  name: 'package',
  summary: 'Write actionbot.zip, the Teams app package to upload',
  usage,
  async run(argv) {
    let out = 'actionbot.zip';
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i];
      if (arg === '--out' && argv[i + 1]) out = argv[++i] ?? out;
      else {
        process.stderr.write(`package: unexpected argument ${arg}\n\n${usage}\n`);
        return ExitCode.usage;
      }
    }
    try {
      const config = parseSettings(settings());
      await buildAppPackage(config.MicrosoftAppId, config.BOT_DOMAIN, resolve(out));
      process.stdout.write(`wrote ${resolve(out)}\n`);
      return ExitCode.ok;
    } catch (error) {
      process.stderr.write(`package: ${error instanceof Error ? error.message : String(error)}\n`);
      return ExitCode.inputFailed;
    }
  },
};
