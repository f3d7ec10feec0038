// Runs a Dockerfile's steps as a script, for machines without a Docker engine: each stage gets its own
// folder standing in for its WORKDIR; COPY copies from the build context (or another stage's folder),
// RUN runs in the stage's folder with its ENV. Only the instructions the project's Dockerfile uses are
// understood; anything else fails the run, so the Dockerfile cannot drift past what is tested.
import { execSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** What the last stage would run, and where. */
export interface BuiltImage {
  dir: string;
  env: Record<string, string>;
  cmd: string[];
  user: string | null;
  stages: string[];
}

/** Builds `dockerfile` with `context` as the build context, stages under `workRoot`. */
export function runDockerfileSteps(dockerfile: string, context: string, workRoot: string, env: NodeJS.ProcessEnv = process.env): BuiltImage {
  const lines = readFileSync(dockerfile, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const stages = new Map<string, string>();
  let current: BuiltImage | null = null;
  for (const line of lines) {
    const [instruction = '', ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    if (instruction === 'FROM') {
      const name = /\bAS\s+(\S+)/i.exec(args)?.[1] ?? `stage${stages.size}`;
      const dir = path.join(workRoot, name);
      mkdirSync(dir, { recursive: true });
      stages.set(name, dir);
      current = { dir, env: {}, cmd: [], user: null, stages: [...stages.keys()] };
      continue;
    }
    if (!current) throw new Error(`${instruction} before FROM`);
    const stage: BuiltImage = current;
    switch (instruction) {
      case 'WORKDIR': case 'EXPOSE': break; // the stage folder is the workdir; ports are the app's own
      case 'ENV': {
        const [key, ...value] = args.split('=');
        stage.env[key ?? ''] = value.join('=');
        break;
      }
      case 'COPY': {
        const from = /^--from=(\S+)\s+/.exec(args);
        const paths = (from ? args.slice(from[0].length) : args).split(/\s+/);
        const destination = paths.pop() ?? '.';
        const base = from ? stages.get(from[1] ?? '') : context;
        if (!base) throw new Error(`COPY --from an unknown stage: ${line}`);
        for (const source of paths) {
          const src = from ? path.join(base, source.replace(/^\/app\/?/, '')) : path.join(base, source);
          // "dir/" receives the source under its own name; anything else is the new name.
          const dest = destination.endsWith('/') ? path.join(stage.dir, destination, path.basename(source)) : path.join(stage.dir, destination);
          cpSync(src, dest, { recursive: true });
        }
        break;
      }
      case 'RUN':
        execSync(args, { cwd: stage.dir, env: { ...env, ...stage.env }, stdio: 'pipe', timeout: 600_000 });
        break;
      case 'USER': stage.user = args; break;
      case 'CMD': stage.cmd = JSON.parse(args) as string[]; break;
      default: throw new Error(`Dockerfile instruction not understood by the script run: ${line}`);
    }
  }
  if (!current || current.cmd.length === 0) throw new Error('The Dockerfile has no CMD');
  return current;
}
