// The Teams app package: manifest.json with the bot's id filled in, and the two icons, zipped.
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';

const manifestDir = new URL('../../manifest/', import.meta.url);
const guid = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

/** Files in the package, as Teams expects them: at the root of the zip. */
export const packageFiles = ['manifest.json', 'color.png', 'outline.png'] as const;

/** Throws a message a person can act on unless `botId` is an app registration id (a GUID). */
export function checkBotId(botId: string): void {
  if (botId.trim() === '') {
    throw new Error('MicrosoftAppId is empty: set it in .env to the bot\'s Microsoft App ID (a GUID from the Azure Bot registration).');
  }
  if (!guid.test(botId.trim())) {
    throw new Error(`MicrosoftAppId "${botId}" is not a GUID such as 00000000-0000-0000-0000-000000000000: copy it from the Azure Bot registration.`);
  }
}

/** Throws a message a person can act on unless `domain` is a host name (the tab and sign-on live there). */
export function checkBotDomain(domain: string): void {
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i.test(domain.trim())) {
    throw new Error(`BOT_DOMAIN "${domain}" is not a host name: set it in .env to the bot's public host, such as actionbot.example.org (the dashboard tab and its sign-on are served there).`);
  }
}

/** manifest.json's text with every ${{BOT_ID}} and ${{BOT_DOMAIN}} replaced; throws if another placeholder is left. */
export async function filledManifest(botId: string, botDomain: string): Promise<string> {
  checkBotId(botId);
  checkBotDomain(botDomain);
  const text = (await readFile(new URL('manifest.json', manifestDir), 'utf8')).replaceAll('${{BOT_ID}}', botId.trim()).replaceAll('${{BOT_DOMAIN}}', botDomain.trim().toLowerCase());
  const left = /\$\{\{(\w+)\}\}/.exec(text);
  if (left) throw new Error(`manifest/manifest.json still has a placeholder \${{${left[1]}}} with no value`);
  JSON.parse(text);
  return text;
}

/** Writes the app package (a zip to upload to Teams) for the bot with this id, served from this host. */
export async function buildAppPackage(botId: string, botDomain: string, outFile: string): Promise<void> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(await filledManifest(botId, botDomain), 'utf8'), 'manifest.json');
  for (const icon of ['color.png', 'outline.png']) {
    zip.addBuffer(await readFile(new URL(icon, manifestDir)), icon);
  }
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(outFile));
}
