import { afterAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync, inflateSync } from 'node:zlib';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { buildAppPackage, filledManifest } from '../src/bot/appPackage.ts';
import { packageCommand } from '../src/cli/packageCommand.ts';

const botId = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const botDomain = 'actionbot.example.org';
const dir = await mkdtemp(join(tmpdir(), 'actionbot-manifest-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** name → content of every file in a zip, read from its central directory. */
function unzip(zip: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : data);
    at += 46 + skip;
  }
  return files;
}

/** Width, height and RGBA pixels of a PNG written without row filters (as scripts/makeIcons.ts does). */
function readPng(png: Buffer): { width: number; height: number; pixels: number[][] } {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idat = png.indexOf('IDAT');
  const raw = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
  const pixels: number[][] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) pixels.push([...raw.subarray(y * (width * 4 + 1) + 1 + x * 4, y * (width * 4 + 1) + 5 + x * 4)]);
  }
  return { width, height, pixels };
}

describe('the Teams app package', () => {
  it('the manifest, with a real bot id, validates against the Teams schema bundled offline', async () => {
    const manifest = JSON.parse(await filledManifest(botId, botDomain)) as AppManifest & { manifestVersion: string; $schema: string };
    expect(Number(manifest.manifestVersion.split('.')[1])).toBeGreaterThanOrEqual(19);
    const schemaFile = new URL(`../node_modules/@microsoft/app-manifest/build/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`, import.meta.url);
    const schema = JSON.parse(await readFile(schemaFile, 'utf8')) as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];
    expect(await AppManifestUtils.validateAgainstSchema(manifest, schema)).toEqual([]);
  });

  it('the schema check is real: a manifest with a placeholder id fails it', async () => {
    const manifest = JSON.parse((await readFile(new URL('../manifest/manifest.json', import.meta.url), 'utf8'))) as AppManifest & { manifestVersion: string };
    const schemaFile = new URL(`../node_modules/@microsoft/app-manifest/build/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`, import.meta.url);
    const schema = JSON.parse(await readFile(schemaFile, 'utf8')) as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];
    expect((await AppManifestUtils.validateAgainstSchema(manifest, schema)).join('\n')).toMatch(/\/id /);
  });

  it('offers the main commands in the personal chat, and files (plans are sent to it, the board report is sent as one)', async () => {
    const manifest = JSON.parse(await filledManifest(botId, botDomain)) as { bots: { botId: string; scopes: string[]; supportsFiles: boolean; commandLists: { commands: { title: string }[] }[] }[] };
    const bot = manifest.bots[0];
    expect(bot?.botId).toBe(botId);
    expect(bot?.scopes).toContain('personal');
    expect(bot?.supportsFiles).toBe(true);
    expect(bot?.commandLists[0]?.commands.map((c) => c.title)).toEqual(['help', "what's overdue", 'due this week', 'blocked', 'my actions', 'summary', 'roles', 'board report']);
  });

  it('declares the dashboard as a personal tab and a channel tab on the bot’s host, with sign-on for the bot’s app', async () => {
    const manifest = JSON.parse(await filledManifest(botId, botDomain)) as { staticTabs: { contentUrl: string; scopes: string[] }[]; configurableTabs: { configurationUrl: string; scopes: string[] }[]; validDomains: string[]; webApplicationInfo: { id: string; resource: string } };
    expect(manifest.staticTabs[0]).toMatchObject({ contentUrl: `https://${botDomain}/dashboard?inTeams=1`, scopes: ['personal'] });
    expect(manifest.configurableTabs[0]).toMatchObject({ configurationUrl: `https://${botDomain}/dashboard/config`, scopes: ['team', 'groupChat'] });
    expect(manifest.validDomains).toEqual([botDomain]);
    expect(manifest.webApplicationInfo).toEqual({ id: botId, resource: `api://${botDomain}/botid-${botId}` });
  });

  it('the icons are a 192×192 colour tile and a 32×32 white-on-transparent outline', async () => {
    const color = readPng(await readFile(new URL('../manifest/color.png', import.meta.url)));
    expect([color.width, color.height]).toEqual([192, 192]);
    expect(color.pixels.every((p) => p[3] === 255)).toBe(true);
    const outline = readPng(await readFile(new URL('../manifest/outline.png', import.meta.url)));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(outline.pixels.every(([r, g, b]) => r === 255 && g === 255 && b === 255)).toBe(true);
    expect(outline.pixels.some((p) => p[3] === 0)).toBe(true);
    expect(outline.pixels.some((p) => p[3] === 255)).toBe(true);
  });

  it('the zip holds manifest.json with the bot id and both icons', async () => {
    const out = join(dir, 'actionbot.zip');
    await buildAppPackage(botId, botDomain, out);
    const files = unzip(await readFile(out));
    expect([...files.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = files.get('manifest.json')?.toString('utf8') ?? '';
    expect(manifest).not.toContain('${{');
    expect(JSON.parse(manifest)).toMatchObject({ id: botId, bots: [{ botId }] });
    expect(files.get('color.png')).toEqual(await readFile(new URL('../manifest/color.png', import.meta.url)));
  });

  it('refuses an empty or malformed bot id with a message saying what to fix', async () => {
    await expect(buildAppPackage('', botDomain, join(dir, 'x.zip'))).rejects.toThrow(/MicrosoftAppId is empty/);
    await expect(buildAppPackage('my-bot', botDomain, join(dir, 'x.zip'))).rejects.toThrow(/not a GUID/);
    await expect(buildAppPackage(botId, '', join(dir, 'x.zip'))).rejects.toThrow(/BOT_DOMAIN "" is not a host name/);
    await expect(buildAppPackage(botId, 'https://actionbot.example.org/', join(dir, 'x.zip'))).rejects.toThrow(/not a host name/);
  });

  it('`actionbot package` writes the zip for the MicrosoftAppId in the settings', async () => {
    const out = join(dir, 'cli.zip');
    const before = process.env.MicrosoftAppId;
    process.env.MicrosoftAppId = botId;
    process.env.BOT_DOMAIN = botDomain;
    try {
      expect(await packageCommand.run(['--out', out])).toBe(0);
    } finally {
      if (before === undefined) delete process.env.MicrosoftAppId;
      else process.env.MicrosoftAppId = before;
      delete process.env.BOT_DOMAIN;
    }
    expect(unzip(await readFile(out)).get('manifest.json')?.toString()).toContain(botId);
    expect(await packageCommand.run(['--bogus'])).toBe(2);
  });
});
