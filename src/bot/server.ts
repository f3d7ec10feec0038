// The bot's HTTP face: restify with the Bot Framework CloudAdapter on POST /api/messages, /healthz
// (alive) and /readyz (storage reachable, last sweep). Closing drains: in-flight requests finish first.
import './httpParserBinding.ts';
import restify from 'restify';
import { CallerIdConstants, CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type TurnContext } from 'botbuilder';
import { AuthenticationError, ConnectorFactory, type AuthenticateRequestResult, type ClaimsIdentity, type ConnectorClient } from 'botframework-connector';
import type { Config } from '../config.ts';
import { activityProblem } from './activityCheck.ts';
import { capRetryAfter } from './retryAfterCap.ts';
import { LocalServiceUrls, loopbackHost, playgroundServiceUrl } from './localBounds.ts';
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
  /** What /readyz reports; without it, ready whenever the server is not draining. */
  readiness?: () => Promise<Readiness>;
}

/** Whether the bot can serve: its storage answers, and how the last sweep went. */
export interface Readiness {
  ready: boolean;
  [detail: string]: unknown;
}

/** A listening bot server. */
export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:3978 */
  url: string;
  port: number;
  /** The address actually bound (127.0.0.1 in local mode). */
  host: string;
  adapter: CloudAdapter;
  /** Local mode: from now on reply only to this serviceUrl (the local chat's). */
  onlyServiceUrl(serviceUrl: string): void;
  /** Stops taking requests, lets those in flight finish (at most `graceMs`), then closes. */
  close(graceMs?: number): Promise<void>;
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

/** The serviceUrls each adapter may send to in local mode (none outside it: the token names the serviceUrl). */
const localServiceUrls = new WeakMap<CloudAdapter, LocalServiceUrls>();

/** Every connector client the adapter makes: Retry-After capped; in local mode, only to loopback serviceUrls. */
class BoundedConnectorFactory extends ConnectorFactory {
  constructor(private readonly inner: ConnectorFactory, private readonly local: LocalServiceUrls | null) {
    super();
  }

  override async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    if (this.local && !this.local.allows(serviceUrl)) throw new AuthenticationError('local mode sends only to the local chat on this machine', 403);
    return capRetryAfter(await this.inner.create(serviceUrl, audience));
  }
}

/**
 * botbuilder answers 500 when a token's signature does not verify (the JWT library's error is not its
 * AuthenticationError). Every token that fails its check is a refused request: 401.
 */
class RefusingAuthentication extends ConfigurationBotFrameworkAuthentication {
  local: LocalServiceUrls | null = null;

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      const result = await super.authenticateRequest(activity, authHeader);
      return { ...result, ...(result.connectorFactory ? { connectorFactory: new BoundedConnectorFactory(result.connectorFactory, this.local) } : {}) };
    } catch (err) {
      if (err instanceof AuthenticationError) throw err;
      throw new AuthenticationError(`token refused: ${err instanceof Error ? err.message : String(err)}`, 401);
    }
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new BoundedConnectorFactory(super.createConnectorFactory(claimsIdentity), this.local);
  }
}

/** The adapter, authenticating with the app's credentials (none in local mode). */
export function createAdapter(config: Config, logger: Logger): CloudAdapter {
  const auth = new RefusingAuthentication({
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
    ...(config.BotOpenIdMetadata ? publicCloudWithKeysAt(config.BotOpenIdMetadata) : {}),
  });
  const adapter = new CloudAdapter(auth);
  if (config.localMode) {
    auth.local = new LocalServiceUrls(config.PLAYGROUND_PORT ? [playgroundServiceUrl(config.PLAYGROUND_PORT)] : []);
    localServiceUrls.set(adapter, auth.local);
  }
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
  let inFlight = 0;
  let draining = false;
  let drained: (() => void) | null = null;
  let port = 0;

  // Local mode: only requests naming this machine (the same allow-list as the local chat page).
  server.pre((req, res, next) => {
    if (config.localMode && !loopbackHost(req.headers.host, port)) {
      logger.warn({ path: req.path() }, 'request refused: not a local host name');
      res.send(403, { error: 'use http://127.0.0.1 or http://localhost' });
      return next(false);
    }
    return next();
  });

  // Requests counted from arrival to the end of the response, so closing waits for invokes in hand.
  server.pre((req, res, next) => {
    if (draining) {
      res.setHeader('connection', 'close');
      res.send(503, { error: 'shutting down' });
      return next(false);
    }
    inFlight += 1;
    res.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0) drained?.();
    });
    return next();
  });

  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    return next();
  });

  // Ready or not, nothing more: the reason (storage errors can name hosts and accounts) goes to the log.
  server.get('/readyz', async (_req, res) => {
    const readiness = options.readiness ? await options.readiness().catch((err: unknown) => ({ ready: false, error: err instanceof Error ? err.message : String(err) })) : { ready: true };
    if (!readiness.ready) logger.warn({ readiness }, 'not ready');
    res.send(readiness.ready ? 200 : 503, { status: readiness.ready ? 'ready' : 'not ready' });
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
      // Local mode: an activity naming another serviceUrl is refused before the bot sees it.
      const local = localServiceUrls.get(adapter);
      if (local && !local.allows((req.body as { serviceUrl?: unknown }).serviceUrl)) {
        refused(req, 403, 'serviceUrl not the local chat');
        res.send(403, { error: 'in local mode the bot replies only to the local chat on this machine' });
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
  port = address.port;
  logger.info({ host: address.address, port, localMode: config.localMode }, 'bot listening');

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    host: address.address,
    adapter,
    onlyServiceUrl(serviceUrl) {
      localServiceUrls.get(adapter)?.restrictTo(serviceUrl);
    },
    async close(graceMs = 10_000) {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.server.closeIdleConnections();
      if (inFlight > 0) {
        logger.info({ inFlight }, 'draining: waiting for requests in flight');
        await new Promise<void>((resolve) => {
          drained = resolve;
          setTimeout(resolve, graceMs).unref();
        });
      }
      server.server.closeAllConnections();
      await closed;
    },
  };
}
