// The bot's HTTP face: restify with the Bot Framework CloudAdapter on POST /api/messages, and /healthz.
import restify from 'restify';
import { CallerIdConstants, CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { Config } from '../config.ts';
import { activityProblem } from './activityCheck.ts';
import type { Logger } from '../log.ts';

/** Anything that handles a turn, e.g. an ActivityHandler. */
export interface TurnHandler {
  run(context: TurnContext): Promise<void>;
}

export interface ServerOptions {
  config: Config;
  bot: TurnHandler;
  logger: Logger;
  /** The adapter to use (the messenger shares it); default: one made from the config. */
  adapter?: CloudAdapter;
  /** More routes on the same server (e.g. an admin page). */
  extraRoutes?: (server: restify.Server) => void;
}

/** A listening bot server. */
export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:3978 */
  url: string;
  port: number;
  adapter: CloudAdapter;
  close(): Promise<void>;
}

/** Teams activities are small; a card answer with a 500-character reason is a few KB. */
const maxBodyBytes = 256 * 1024;

/**
 * The public cloud's Bot Framework endpoints with another OpenID metadata URL. botbuilder takes any one
 * of these settings as "all are given", so the rest must be spelled out.
 */
function publicCloudWithKeysAt(openIdMetadataUrl: string): Record<string, string | boolean> {
  return {
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    OAuthUrl: 'https://api.botframework.com',
    ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
    CallerId: CallerIdConstants.PublicAzureChannel,
    ValidateAuthority: true,
  };
}

/** The adapter, authenticating with the app's credentials (none in local mode). */
export function createAdapter(config: Config, logger: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
    ...(config.BotOpenIdMetadata ? publicCloudWithKeysAt(config.BotOpenIdMetadata) : {}),
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    // Only the error's own words: errors from the HTTP client can carry request headers with tokens.
    logger.error(
      { err: { name: error.name, message: error.message, stack: error.stack }, activityType: context.activity.type, conversationId: context.activity.conversation?.id },
      'turn failed',
    );
    try {
      await context.sendActivity('Sorry, something went wrong on my side. Please try again in a minute.');
    } catch (sendError) {
      logger.warn({ err: { message: sendError instanceof Error ? sendError.message : String(sendError) } }, 'could not tell the user about the failure');
    }
  };
  return adapter;
}

/** Starts listening: 127.0.0.1 in local mode (no app id), every interface otherwise. PORT 0 picks a free port. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { config, bot, logger } = options;
  const adapter = options.adapter ?? createAdapter(config, logger);
  const server = restify.createServer({ name: 'actionbot', handleUncaughtExceptions: false });

  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    return next();
  });

  // Requests refused before the bot sees them (too large, not JSON) are logged, so the attempt is on record.
  const refused = (req: restify.Request, status: number, error: string): void => {
    logger.warn({ status, error, path: req.path(), contentLength: Number(req.headers['content-length'] ?? 0) }, 'request refused');
  };
  server.on('restifyError', (req: restify.Request, _res: restify.Response, err: { statusCode?: number; name?: string }, callback: () => void) => {
    refused(req, err.statusCode ?? 500, err.name ?? 'Error');
    return callback();
  });

  server.post(
    '/api/messages',
    (req, res, next) => {
      if (!req.is('application/json')) {
        refused(req, 415, 'not JSON');
        res.send(415, { error: 'Content-Type must be application/json' });
        return next(false);
      }
      return next();
    },
    restify.plugins.bodyParser({ maxBodySize: maxBodyBytes, mapParams: false, rejectUnknown: true }),
    async (req, res) => {
      if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) {
        refused(req, 400, 'not one activity');
        res.send(400, { error: 'the body must be one activity object' });
        return;
      }
      // A malformed activity gets its reason; without credentials the adapter's own 401 comes first.
      const problem = activityProblem(req.body);
      if (problem && (config.localMode || req.headers.authorization)) {
        refused(req, 400, problem);
        res.send(400, { error: problem });
        return;
      }
      await adapter.process(req, res, (context) => bot.run(context));
    },
  );

  options.extraRoutes?.(server);

  const host = config.localMode ? '127.0.0.1' : '0.0.0.0';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, host, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = address.port;
  logger.info({ host, port, localMode: config.localMode }, 'bot listening');

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    adapter,
    close: () => new Promise<void>((resolve) => {
      server.server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
