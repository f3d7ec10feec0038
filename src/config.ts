// Every setting, validated once at start-up; the rest of the program receives a typed Config.
// Outside local mode (MicrosoftAppId set) the settings fail closed: no demo data, no embedded storage,
// no app registration with a missing half, and only the app's own tenant unless told otherwise.
import { z } from 'zod';

const csv = z.string().default('').transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));
const days = (def: string) => z.string().default(def).transform((s, ctx) => {
  const list = s.split(',').map((x) => x.trim()).filter(Boolean).map(Number);
  if (list.some((n) => !Number.isInteger(n) || n < 0 || n > 365)) {
    ctx.addIssue({ code: 'custom', message: 'must be whole numbers of days between 0 and 365, comma-separated' });
  }
  return list;
});
/** Teams' file links for work accounts live in SharePoint (OneDrive for work is <tenant>-my.sharepoint.com). */
export const DEFAULT_FILE_HOSTS = '*.sharepoint.com';
const int = (def: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(def);

const schema = z.object({
  PORT: int(3978, 0, 65535),
  /** Port of the local chat page and dashboard (local mode only); 0 picks a free port. */
  LOCAL_CHAT_PORT: int(3979, 0, 65535),
  /** Local mode only: the port of Microsoft's Teams emulator (`npm run playground`), whose serviceUrl the bot then also replies to. 0: none. */
  PLAYGROUND_PORT: int(0, 0, 65535),
  /** Empty: local mode (no Bot Framework tokens, bound to 127.0.0.1). */
  MicrosoftAppId: z.string().trim().default(''),
  MicrosoftAppPassword: z.string().default(''),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppTenantId: z.string().trim().default(''),
  /** Where the Bot Framework publishes the keys that sign Teams' requests. Empty: Microsoft's public cloud. */
  BotOpenIdMetadata: z.url({ protocol: /^https?$/ }).optional(),
  /** The dashboard tab: the bot's public host name ("actionbot.example.org") for the app package's tab URLs and sign-on. */
  BOT_DOMAIN: z.string().trim().toLowerCase().regex(/^([a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+)?$/, 'a host name such as actionbot.example.org (no https://, no path)').default(''),
  /** The Application ID URI of the tab's sign-on ("api://<host>/botid-<MicrosoftAppId>"): tab tokens must name exactly it (or the bare app id). Required outside local mode. */
  TAB_APP_ID_URI: z.string().trim().regex(/^(api:\/\/\S+)?$/, 'must start api://').default(''),
  /** Where Entra publishes the keys that sign tab tokens. Empty: Microsoft's public cloud (tests serve their own). */
  TAB_SIGNING_KEYS_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** A storage account by connection string (or Azurite's). */
  AZURE_TABLES_CONNECTION_STRING: z.string().trim().default(''),
  /** A storage account's table endpoint, reached with a managed identity (@azure/identity's default credential). */
  AZURE_TABLES_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  TABLE_PREFIX: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,30}$/, 'letters and digits, starting with a letter').default('actionbot'),
  DATA_DIR: z.string().default('.data'),
  /** Port of the embedded Azurite; the command line reuses a running one there. */
  AZURITE_PORT: int(10002, 1, 65535),
  ADMINS: csv,
  ALLOWED_TENANTS: z.string().default('').transform((s, ctx) => {
    const list = s.split(',').map((x) => x.trim()).filter(Boolean);
    if (list.some((t) => t === '*' || /^(common|organizations)$/i.test(t))) ctx.addIssue({ code: 'custom', message: 'must list tenant ids; "*", common and organizations would accept every tenant' });
    return list;
  }),
  /** Longest a file download or report upload may take, whole (a 10 MB file from SharePoint takes a few seconds). */
  FILE_TIMEOUT_SECONDS: int(20, 1, 120),
  /** Hosts plan files are downloaded from and reports uploaded to (outside local mode, https only): names or *.suffix, optionally :port, comma-separated. */
  FILE_HOSTS: z.string().default(DEFAULT_FILE_HOSTS).transform((s, ctx) => {
    const list = s.split(',').map((x) => x.trim().toLowerCase()).filter(Boolean);
    const bad = list.filter((h) => !/^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:\d{1,5})?$/.test(h));
    if (bad.length > 0) ctx.addIssue({ code: 'custom', message: `must be host names or *.domain (two labels at least, optionally :port), comma-separated; not ${bad.join(', ')}` });
    if (list.length === 0) ctx.addIssue({ code: 'custom', message: 'must name at least one host' });
    return list;
  }),
  LEAD_ROLE: z.string().trim().min(1).default('Commissioner'),
  /** node-cron expression, evaluated in Europe/London. */
  REMINDER_CRON: z.string().default('0 9 * * 1-5'),
  /** node-cron expression of the commissioner's weekly briefing, in Europe/London. */
  BRIEFING_CRON: z.string().default('0 9 * * 1'),
  REMIND_DAYS_BEFORE: days('14,7,1,0'),
  OVERDUE_EVERY_DAYS: int(7, 1, 90),
  ESCALATE_AFTER_DAYS: int(14, 1, 365),
  CATCH_UP_DAYS: int(3, 0, 30),
  SENDS_PER_SECOND: z.coerce.number().positive().max(50).default(7),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Local mode only: plans loaded at start when the store holds none (the demo). Empty: none. */
  DEMO_PLANS: z.string().trim().default('seeds/plans'),
  DEMO_ROLES: z.string().trim().default('seeds/roles.json'),
});

export type Config = z.output<typeof schema> & { localMode: boolean };

/** The name of every setting (what .env.example documents). */
export const settingNames: readonly string[] = Object.keys(schema.shape);

/** Settings where an empty value means "none", not "the default". */
const EMPTY_MEANS_NONE = new Set(['DEMO_PLANS', 'DEMO_ROLES']);
/** Settings that only the embedded default uses. */
const LOCAL_ONLY = ['DEMO_PLANS', 'DEMO_ROLES'] as const;

/** Loads `.env` from the working directory into process.env, if there is one (settings already set win). */
export function loadDotEnv(file = '.env'): void {
  try {
    process.loadEnvFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`Could not read ${file}: ${(err as Error).message}`, { cause: err });
  }
}

/** The settings' syntax only (the package command needs just the app id). */
export function parseSettings(env: Record<string, string | undefined>): Config {
  const given = Object.entries(env).filter(([k, v]) => v !== undefined && (v !== '' || EMPTY_MEANS_NONE.has(k)));
  const parsed = schema.safeParse(Object.fromEntries(given));
  if (!parsed.success) throw new Error(`Invalid settings in .env: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return { ...parsed.data, localMode: parsed.data.MicrosoftAppId === '' };
}

/** What running for real in Teams needs: each problem names its setting. */
function deploymentProblems(config: Config, env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (!config.AZURE_TABLES_CONNECTION_STRING && !config.AZURE_TABLES_ENDPOINT) {
    problems.push('AZURE_TABLES_CONNECTION_STRING or AZURE_TABLES_ENDPOINT must be set (the embedded Azurite is for local mode only: every instance would keep its own data)');
  }
  if (config.MicrosoftAppType !== 'MultiTenant' && !config.MicrosoftAppTenantId) problems.push(`MicrosoftAppTenantId must be set for a ${config.MicrosoftAppType} app`);
  if (config.MicrosoftAppType !== 'UserAssignedMSI' && !config.MicrosoftAppPassword) problems.push(`MicrosoftAppPassword must be set for a ${config.MicrosoftAppType} app`);
  for (const name of LOCAL_ONLY) if (env[name]) problems.push(`${name} is for local mode only (it would load demo data into a real store); remove it`);
  if (config.PLAYGROUND_PORT) problems.push('PLAYGROUND_PORT is for local mode only (Microsoft\'s Teams emulator on this machine); remove it');
  // A multi-tenant app registration lets any organisation's Teams send to the bot: bound it.
  if (!config.MicrosoftAppTenantId && config.ALLOWED_TENANTS.length === 0) {
    problems.push('MicrosoftAppTenantId (a single-tenant app) or ALLOWED_TENANTS (the tenant ids the bot serves) must be set, or every organisation could use the bot');
  }
  if (!config.TAB_APP_ID_URI) problems.push(`TAB_APP_ID_URI must be set (the tab's Application ID URI, e.g. api://<BOT_DOMAIN>/botid-${config.MicrosoftAppId}): tab tokens are checked against exactly it`);
  return problems;
}

/** Reads settings from an environment (process.env by default); throws one message naming every bad setting. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const config = parseSettings(env);
  if (config.localMode) return config;
  const problems = deploymentProblems(config, env);
  if (problems.length > 0) throw new Error(`Invalid settings for running in Teams (MicrosoftAppId is set): ${problems.join('; ')}`);
  return {
    ...config,
    DEMO_PLANS: '',
    DEMO_ROLES: '',
    // Fail closed: the app's own tenant unless ALLOWED_TENANTS says otherwise.
    ALLOWED_TENANTS: config.ALLOWED_TENANTS.length > 0 ? config.ALLOWED_TENANTS : config.MicrosoftAppTenantId ? [config.MicrosoftAppTenantId] : [],
  };
}

/** The accepted tenants as the start-up log says them (outside local mode the list is never empty). */
export function tenantsAccepted(config: Pick<Config, 'ALLOWED_TENANTS'>): string {
  return config.ALLOWED_TENANTS.length > 0 ? config.ALLOWED_TENANTS.join(', ') : 'any tenant (local mode)';
}
