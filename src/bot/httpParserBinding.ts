// restify 11 loads spdy when it loads, and spdy's http-deceiver reads process.binding('http_parser')
// right away; Node 24 (the production image's runtime) removed that binding, so the bot would not
// start. The bot never serves SPDY, so where the binding is gone it gets a stand-in with the one thing
// the loader reads (the method names). restify 12 drops spdy but needs Node 22; the dev machines are
// on Node 20. Imported before restify (src/bot/server.ts); on Node 20 and 22 this changes nothing.
import { METHODS } from 'node:http';

type Binding = (name: string) => unknown;
const processWithBinding = process as unknown as { binding: Binding };
const original = processWithBinding.binding.bind(process);

function hasHttpParser(): boolean {
  try {
    original('http_parser');
    return true;
  } catch {
    return false;
  }
}

if (!hasHttpParser()) {
  const standIn = { HTTPParser: { methods: [...METHODS] }, methods: [...METHODS] };
  processWithBinding.binding = (name: string): unknown => (name === 'http_parser' ? standIn : original(name));
}
