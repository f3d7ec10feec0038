// Settings fail closed outside local mode: running for real in Teams never falls back to demo data,
// an embedded store, a half-configured app registration or "any tenant" without saying so.
import { describe, expect, it } from 'vitest';
import { loadConfig, parseSettings, tenantsAccepted } from '../src/config.ts';

const appId = '00000000-0000-4000-8000-00000000c0f1';
const tenant = '72f988bf-0000-4000-8000-0000000000aa';
const tabUri = `api://actionbot.example.org/botid-${appId}`;
const teams = { MicrosoftAppId: appId, MicrosoftAppPassword: 'secret', AZURE_TABLES_CONNECTION_STRING: 'UseDevelopmentStorage=true', ALLOWED_TENANTS: tenant, TAB_APP_ID_URI: tabUri };

describe('settings in local mode (no MicrosoftAppId)', () => {
  it('with nothing set, the demo plans and roles load', () => {
    const config = loadConfig({});
    expect(config.localMode).toBe(true);
    expect(config.DEMO_PLANS).toBe('seeds/plans');
    expect(config.DEMO_ROLES).toBe('seeds/roles.json');
  });

  it('DEMO_PLANS= (empty) means no demo plans, as .env.example says', () => {
    const config = loadConfig({ DEMO_PLANS: '', DEMO_ROLES: '' });
    expect(config.DEMO_PLANS).toBe('');
    expect(config.DEMO_ROLES).toBe('');
  });

  it('other empty settings still take their defaults', () => {
    expect(loadConfig({ PORT: '', LEAD_ROLE: '' })).toMatchObject({ PORT: 3978, LEAD_ROLE: 'Commissioner' });
  });
});

describe('settings for running in Teams (MicrosoftAppId set)', () => {
  it('a complete multi-tenant setting (bounded by ALLOWED_TENANTS) loads, with no demo data', () => {
    const config = loadConfig(teams);
    expect(config.localMode).toBe(false);
    expect(config.DEMO_PLANS).toBe('');
    expect(config.DEMO_ROLES).toBe('');
  });

  it('missing storage is a start-up error naming the setting, not an embedded Azurite', () => {
    expect(() => loadConfig({ ...teams, AZURE_TABLES_CONNECTION_STRING: '' })).toThrow(/AZURE_TABLES_CONNECTION_STRING or AZURE_TABLES_ENDPOINT must be set/);
  });

  it('storage by managed identity (AZURE_TABLES_ENDPOINT) is enough', () => {
    const config = loadConfig({ ...teams, AZURE_TABLES_CONNECTION_STRING: '', AZURE_TABLES_ENDPOINT: 'https://acct.table.core.windows.net' });
    expect(config.AZURE_TABLES_ENDPOINT).toBe('https://acct.table.core.windows.net');
  });

  it.each(['SingleTenant', 'UserAssignedMSI'])('a %s app without MicrosoftAppTenantId is refused', (type) => {
    expect(() => loadConfig({ ...teams, MicrosoftAppType: type })).toThrow(new RegExp(`MicrosoftAppTenantId must be set for a ${type} app`));
  });

  it('a MultiTenant (or SingleTenant) app without a password is refused; a UserAssignedMSI app needs none', () => {
    expect(() => loadConfig({ ...teams, MicrosoftAppPassword: '' })).toThrow(/MicrosoftAppPassword must be set for a MultiTenant app/);
    expect(() => loadConfig({ ...teams, MicrosoftAppPassword: '', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: tenant })).toThrow(/MicrosoftAppPassword/);
    expect(loadConfig({ ...teams, MicrosoftAppPassword: '', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: tenant }).localMode).toBe(false);
  });

  it('demo plans or roles set explicitly are refused, naming the setting', () => {
    expect(() => loadConfig({ ...teams, DEMO_PLANS: 'seeds/plans' })).toThrow(/DEMO_PLANS is for local mode only/);
    expect(() => loadConfig({ ...teams, DEMO_ROLES: 'seeds/roles.json' })).toThrow(/DEMO_ROLES is for local mode only/);
  });

  it('every problem is named at once', () => {
    const error = (() => { try { loadConfig({ MicrosoftAppId: appId, MicrosoftAppType: 'SingleTenant' }); } catch (err) { return String(err); } return ''; })();
    expect(error).toMatch(/AZURE_TABLES_CONNECTION_STRING/);
    expect(error).toMatch(/MicrosoftAppTenantId/);
    expect(error).toMatch(/MicrosoftAppPassword/);
  });

  it('ALLOWED_TENANTS defaults to the app tenant, and says so', () => {
    const config = loadConfig({ ...teams, ALLOWED_TENANTS: '', MicrosoftAppTenantId: tenant });
    expect(config.ALLOWED_TENANTS).toEqual([tenant]);
    expect(tenantsAccepted(config)).toBe(tenant);
  });

  it('ALLOWED_TENANTS given wins over the app tenant', () => {
    expect(loadConfig({ ...teams, MicrosoftAppTenantId: tenant, ALLOWED_TENANTS: 'a, b' }).ALLOWED_TENANTS).toEqual(['a', 'b']);
  });

  it('a multi-tenant app with neither MicrosoftAppTenantId nor ALLOWED_TENANTS refuses to start, saying which to set', () => {
    expect(() => loadConfig({ ...teams, ALLOWED_TENANTS: '' })).toThrow(/MicrosoftAppTenantId \(a single-tenant app\) or ALLOWED_TENANTS .* must be set/);
  });

  it.each(['*', 'common', 'organizations', 'a, Common'])('ALLOWED_TENANTS=%s (every tenant in other words) is refused', (value) => {
    expect(() => loadConfig({ ...teams, ALLOWED_TENANTS: value })).toThrow(/ALLOWED_TENANTS: must list tenant ids/);
  });

  it('in local mode no tenant bound is needed (nothing outside this machine reaches the bot)', () => {
    expect(tenantsAccepted(loadConfig({}))).toBe('any tenant (local mode)');
  });

  it('TAB_APP_ID_URI is required outside local mode, naming the form it takes', () => {
    expect(() => loadConfig({ ...teams, TAB_APP_ID_URI: '' })).toThrow(new RegExp(`TAB_APP_ID_URI must be set .*api://<BOT_DOMAIN>/botid-${appId}`));
    expect(loadConfig({}).TAB_APP_ID_URI).toBe('');
  });

  it('FILE_HOSTS defaults to SharePoint, takes names and *.domains, and refuses anything else', () => {
    expect(loadConfig(teams).FILE_HOSTS).toEqual(['*.sharepoint.com']);
    expect(loadConfig({ ...teams, FILE_HOSTS: '*.sharepoint.com, *.SharePoint.us, files.example.org' }).FILE_HOSTS).toEqual(['*.sharepoint.com', '*.sharepoint.us', 'files.example.org']);
    for (const bad of ['*', '*.com', 'https://x.sharepoint.com', 'x.sharepoint.com/path', 'evil.*.com', ',']) {
      expect(() => loadConfig({ ...teams, FILE_HOSTS: bad }), bad).toThrow(/FILE_HOSTS/);
    }
  });

  it('the package command reads the app id without needing the rest', () => {
    expect(parseSettings({ MicrosoftAppId: appId }).MicrosoftAppId).toBe(appId);
  });
});
