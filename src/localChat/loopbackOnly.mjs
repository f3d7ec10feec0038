// Loaded into Microsoft's Teams emulator (node --import) by src/localChat/playground.ts. Anyone who
// reaches the emulator chats with the bot as the demo commissioner, so it is held to the bot's own
// local-mode rules (src/bot/localBounds.ts): a server given only a port listens on 127.0.0.1 (left to
// itself it listens on every interface), and answers only requests naming this machine (a web page
// elsewhere cannot reach it through a DNS name rebound to 127.0.0.1).
import http from 'node:http';
import net from 'node:net';

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [port, host] = args;
  if ((typeof port === 'number' || (typeof port === 'string' && /^\d+$/.test(port))) && typeof host !== 'string') args.splice(1, 0, '127.0.0.1');
  return listen.apply(this, args);
};

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function refuseOtherHosts(event, req, reply, ...rest) {
  if (event === 'request' || event === 'upgrade') {
    const port = this.address()?.port;
    const host = String(req.headers.host ?? '').toLowerCase();
    if (![`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(host)) {
      if (event === 'request') {
        reply.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
        reply.end(`use http://localhost:${port}`);
      } else {
        reply.destroy();
      }
      return true;
    }
  }
  return emit.call(this, event, req, reply, ...rest);
};
