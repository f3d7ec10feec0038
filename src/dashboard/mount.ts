// The dashboard on the bot's own server (restify), in every mode: signed in with the tab's token
// outside local mode, the local chat's person on 127.0.0.1 in local mode.
import type restify from 'restify';
import type { Config } from '../config.ts';
import type { Services } from '../app/services.ts';
import type { Messenger } from '../domain/messenger.ts';
import { serveDashboard, type DashboardOptions } from './routes.ts';
import { ENTRA_KEYS_URL, tabTokenChecker } from './tabToken.ts';
import { localViewer, signedInViewer, type ViewerOf } from './viewer.ts';
import { sendJson } from './web.ts';

/** Local mode: the local chat's people. Otherwise: Entra sign-on for this app's client id. */
export function viewerFor(config: Config): ViewerOf {
  if (config.localMode) return localViewer(config);
  const check = tabTokenChecker({
    clientId: config.MicrosoftAppId,
    appIdUri: config.TAB_APP_ID_URI,
    keysUrl: config.TAB_SIGNING_KEYS_URL ?? ENTRA_KEYS_URL,
    allowedTenants: config.ALLOWED_TENANTS.length > 0 ? config.ALLOWED_TENANTS : config.MicrosoftAppTenantId ? [config.MicrosoftAppTenantId] : [],
  });
  return signedInViewer(check, config);
}

/** The dashboard's options for a running bot. */
export function dashboardFor(config: Config, services: Services, messenger: Messenger): DashboardOptions {
  return { services, messenger, viewer: viewerFor(config) };
}

/**
 * Mounts /dashboard on the bot's restify server (as RuntimeOptions.extraRoutes, or from the runtime).
 * Options may be given late by a function, for a store opened after routes are declared.
 */
export function mountDashboard(options: DashboardOptions | (() => DashboardOptions | undefined)): (server: restify.Server) => void {
  return (server) => {
    const handler = async (req: restify.Request, res: restify.Response): Promise<void> => {
      const current = typeof options === 'function' ? options() : options;
      if (!current) {
        sendJson(res, 503, { error: 'starting up' });
        return;
      }
      try {
        await serveDashboard(req, res, current);
      } catch (err) {
        current.services.logger.error({ err: { message: (err as Error).message }, path: req.path() }, 'dashboard request failed');
        if (!res.headersSent) sendJson(res, 500, { error: 'the dashboard could not read the plans' });
      }
    };
    server.get('/dashboard', handler);
    server.get('/dashboard/*', handler);
    server.post('/dashboard/*', handler);
  };
}
