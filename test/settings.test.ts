// Every setting is documented in .env.example, and the Azure template (infra/main.bicep) sets only
// settings the bot knows, which together pass the start-up checks for running in Teams. (The Bicep
// itself is not compiled here: there is no Bicep CLI on this machine; see the README.)
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig, settingNames } from '../src/config.ts';

const example = readFileSync('.env.example', 'utf8');
const bicep = readFileSync('infra/main.bicep', 'utf8');
/** The container's environment in the template: `{ name: 'X', value: ... }`. */
const bicepSettings = [...bicep.matchAll(/\{ name: '([A-Za-z_]+)', value: /g)].map((m) => m[1] as string);

describe('settings', () => {
  it('.env.example documents every setting, and nothing else', () => {
    const documented = [...example.matchAll(/^#? ?([A-Za-z_]+)=/gm)].map((m) => m[1]);
    expect([...documented].sort()).toEqual([...settingNames].sort());
  });

  it("the Azure template sets only settings the bot knows (AZURE_CLIENT_ID is the identity library's)", () => {
    expect(bicepSettings.length).toBeGreaterThan(5);
    expect(bicepSettings.filter((name) => name !== 'AZURE_CLIENT_ID' && !settingNames.includes(name))).toEqual([]);
  });

  it("the template's settings pass the start-up checks for running in Teams, with no secret among them", () => {
    const env = Object.fromEntries(bicepSettings.map((name) => [name, name === 'AZURE_TABLES_ENDPOINT' ? 'https://acct.table.core.windows.net/' : name === 'MicrosoftAppType' ? 'UserAssignedMSI' : name === 'PORT' ? '3978' : name === 'BOT_DOMAIN' ? 'actionbot.example.org' : name === 'TAB_APP_ID_URI' ? 'api://actionbot.example.org/botid-x' : 'x']));
    const config = loadConfig(env);
    expect(config.localMode).toBe(false);
    expect(config.AZURE_TABLES_ENDPOINT).toBe('https://acct.table.core.windows.net/');
    expect(bicepSettings).not.toContain('MicrosoftAppPassword');
    expect(bicepSettings).not.toContain('AZURE_TABLES_CONNECTION_STRING');
  });
});
