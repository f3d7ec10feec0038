// Loaded into Microsoft's Teams emulator (node --import) by src/localChat/playground.ts. The emulator
// listens on every interface, and anyone who reaches its page chats with the bot as the demo
// commissioner: a server given only a port listens on 127.0.0.1 instead, as the bot and the local chat do.
import net from 'node:net';

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [port, host] = args;
  if ((typeof port === 'number' || (typeof port === 'string' && /^\d+$/.test(port))) && typeof host !== 'string') args.splice(1, 0, '127.0.0.1');
  return listen.apply(this, args);
};
