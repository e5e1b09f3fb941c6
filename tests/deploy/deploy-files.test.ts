/**
 * Dockerfile, .dockerignore and compose.yaml, checked without a Docker daemon (none is reachable on the machines this
 * suite runs on, and no image registry): the Dockerfile's rules as a linter would state them, the image's layout
 * rebuilt from the files it copies and started with its CMD and ENV, its HEALTHCHECK command run against it, and the
 * compose file parsed and checked against the Dockerfile and the nginx configuration.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv } from '@modelcontextprotocol/client/validators/ajv';
import { afterAll, describe, expect, it } from 'vitest';
// `yaml` comes with @hono/zod-openapi (openapi3-ts), a production dependency: no extra package for one parse.
import { parse as parseYaml } from 'yaml';

const ROOT = resolve(import.meta.dirname, '../..');
const NODE = join(ROOT, 'node_modules/.bin/node');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const dockerfile = read('Dockerfile');
/** Instructions with their continuation lines joined, comments dropped. */
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => {
    const [keyword = '', ...rest] = line.split(/\s+/);
    return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
  });
const all = (keyword: string) => instructions.filter((instruction) => instruction.keyword === keyword);
const runtimeStage = instructions.slice(instructions.map((i) => i.keyword).lastIndexOf('FROM'));

/** Paths the build context keeps, from the allow-list .dockerignore (`*` then `!path` lines). */
const dockerignore = read('.dockerignore')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));
const allowed = dockerignore.filter((line) => line.startsWith('!')).map((line) => line.slice(1).replace(/\/$/, ''));

describe('Dockerfile', () => {
  it('is multi-stage on a Node 24 base image', () => {
    const froms = all('FROM');
    expect(froms.length).toBeGreaterThanOrEqual(2);
    const image = /^ARG NODE_IMAGE=(\S+)$/m.exec(dockerfile)?.[1];
    expect(image).toMatch(/^node:24(\.|-|$)/);
    for (const from of froms) expect(from.args).toMatch(/^\$\{NODE_IMAGE\} AS \w+$/);
  });

  it('installs production dependencies only, from the lock file', () => {
    const installs = all('RUN').filter((run) => /\bnpm (ci|install)\b/.test(run.args));
    expect(installs).toHaveLength(1);
    expect(installs[0]?.args).toMatch(/npm ci --omit=dev/);
  });

  it('runs as a non-root user, with a HEALTHCHECK on /healthz or /readyz and an exec-form CMD', () => {
    const user = runtimeStage.filter((i) => i.keyword === 'USER').at(-1);
    expect(user?.args).toBeDefined();
    expect(['root', '0', '0:0']).not.toContain(user?.args);
    const keywords = runtimeStage.map((i) => i.keyword);
    expect(keywords.lastIndexOf('USER')).toBeLessThan(keywords.indexOf('CMD'));
    expect(all('HEALTHCHECK')[0]?.args).toMatch(/CMD .*\/(healthz|readyz)/);
    expect(() => JSON.parse(all('CMD').at(-1)?.args ?? '')).not.toThrow();
  });

  it('copies only files that exist and that .dockerignore lets into the build context', () => {
    expect(dockerignore[0]).toBe('*');
    for (const copy of all('COPY').filter((c) => !c.args.startsWith('--from'))) {
      const sources = copy.args.split(/\s+/).slice(0, -1);
      for (const source of sources) {
        expect(existsSync(join(ROOT, source)), `${source} exists`).toBe(true);
        expect(allowed, `${source} is in the build context`).toContain(source.replace(/\/$/, ''));
      }
    }
    for (const secret of ['.env', 'data', 'node_modules', '.git', 'test-artifacts'])
      expect(allowed).not.toContain(secret);
  });
});

/** Every file under `dir` with one of the extensions. */
function filesUnder(dir: string, extensions: readonly string[]): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir))) {
    const path = join(dir, entry);
    if (statSync(join(ROOT, path)).isDirectory()) found.push(...filesUnder(path, extensions));
    else if (extensions.some((extension) => entry.endsWith(extension))) found.push(path);
  }
  return found;
}

describe('the image runs with production dependencies only', () => {
  it('imports no devDependency from the code it ships (npm ci --omit=dev would leave it out)', () => {
    const manifest = JSON.parse(read('package.json')) as { dependencies: Record<string, string> };
    const builtins = new Set(builtinModules);
    const problems: string[] = [];
    for (const file of [...filesUnder('src', ['.ts', '.js', '.mjs']), ...filesUnder('bin', ['.mjs', '.js'])]) {
      const text = read(file);
      // Value imports and dynamic imports; `import type` is erased at run time.
      const specifiers = [
        ...text.matchAll(/^\s*(?:import|export)\s+(?!type\s)[^'";]*?from\s+['"]([^'"]+)['"]/gm),
        ...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm),
        ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
      ].map((match) => match[1] as string);
      for (const specifier of specifiers) {
        if (specifier.startsWith('.') || specifier.startsWith('node:') || builtins.has(specifier)) continue;
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
        if (name === undefined || !(name in manifest.dependencies)) problems.push(`${file}: ${specifier}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('the image layout, started with its CMD and checked with its HEALTHCHECK', () => {
  let server: ChildProcess | undefined;
  afterAll(() => {
    if (server?.exitCode === null) server.kill('SIGKILL');
  });

  it('serves /healthz, passes the HEALTHCHECK command, and exits 0 on the STOPSIGNAL', async () => {
    // The files the runtime stage copies, in a directory of their own (node_modules linked: the image's is a subset).
    const app = mkdtempSync(join(tmpdir(), 'advisor-image-'));
    for (const copy of all('COPY').filter((c) => !c.args.startsWith('--from'))) {
      const parts = copy.args.split(/\s+/);
      const target = parts.at(-1) as string;
      for (const source of parts.slice(0, -1)) {
        cpSync(join(ROOT, source), join(app, target === './' ? source : target.replace(/^\.\//, '')), {
          recursive: true,
        });
      }
    }
    symlinkSync(join(ROOT, 'node_modules'), join(app, 'node_modules'));
    const cmd = JSON.parse(all('CMD').at(-1)?.args as string) as string[];
    expect(cmd[0]).toBe('node');
    const dataDir = mkdtempSync(join(tmpdir(), 'advisor-image-data-'));
    // The image's ENV, on loopback with a free port; nothing else set (ENV_FILE=none: no .env in an image).
    const env = {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      KNOWLEDGE_DIR: join(app, 'knowledge'),
      PROMPTS_DIR: join(app, 'prompts'),
      ENV_FILE: 'none',
    };
    server = spawn(NODE, cmd.slice(1), { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    server.stdout?.on('data', (chunk) => {
      output += String(chunk);
    });
    const port = await new Promise<string>((done, fail) => {
      const poll = setInterval(() => {
        const match = /"url":"http:\/\/127\.0\.0\.1:(\d+)"/.exec(output);
        if (match) {
          clearInterval(poll);
          done(match[1] as string);
        }
        if (server?.exitCode !== null) {
          clearInterval(poll);
          fail(new Error(`the server exited: ${output}`));
        }
      }, 20);
    });
    const healthcheck = /HEALTHCHECK[^\n]*?\\\n\s*CMD (\[.*\])/.exec(dockerfile)?.[1];
    const probe = JSON.parse(healthcheck as string) as string[];
    expect(probe[0]).toBe('node');
    const check = () => spawnSync(NODE, probe.slice(1), { env: { ...env, PORT: port }, timeout: 10_000 }).status;
    expect(check()).toBe(0);

    const exited = new Promise<number | null>((done) => server?.once('exit', (code) => done(code)));
    server.kill(all('STOPSIGNAL')[0]?.args as NodeJS.Signals);
    expect(await exited).toBe(0);
    expect(check()).toBe(1);
  }, 30_000);
});

describe('compose.yaml', () => {
  type Service = {
    build?: string;
    image?: string;
    environment?: Record<string, string>;
    ports?: string[];
    depends_on?: Record<string, { condition: string }>;
    volumes?: string[];
    healthcheck?: { test: string[] };
    stop_grace_period?: string;
  };
  const compose = parseYaml(read('compose.yaml'), { merge: true }) as { services: Record<string, Service> };
  const { services } = compose;
  const advisors = ['advisor-1', 'advisor-2'].map((name) => services[name] as Service);

  it('is valid against the Compose Specification schema', () => {
    // tests/deploy/compose-spec.json: schema/compose-spec.json of github.com/compose-spec/compose-spec at commit
    // 170098ba07d9 (Apache-2.0), the schema `docker compose config` validates against. Ajv comes with the MCP client.
    const { $schema: _draft, ...schema } = JSON.parse(
      readFileSync(join(import.meta.dirname, 'compose-spec.json'), 'utf8'),
    );
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    const valid = validate(compose);
    expect(valid ? [] : validate.errors?.map((error) => `${error.instancePath} ${error.message}`)).toEqual([]);
    const typo = parseYaml(read('compose.yaml').replace('stop_grace_period:', 'stop_grace_periods:'), { merge: true });
    expect(validate(typo)).toBe(false);
  });

  it('runs PostgreSQL, two identical advisor instances and a proxy', () => {
    expect(Object.keys(services).sort()).toEqual(['advisor-1', 'advisor-2', 'postgres', 'proxy']);
    expect(advisors[0]).toEqual(advisors[1]);
    expect(advisors[0]?.build).toBe('.');
  });

  it('points the instances at the database and the proxy, and waits for a healthy database', () => {
    const environment = advisors[0]?.environment ?? {};
    expect(environment.DATABASE_URL).toMatch(
      /^postgres:\/\/advisor:\$\{POSTGRES_PASSWORD:\?[^}]*\}@postgres:5432\/advisor$/,
    );
    expect(environment.HOST).toBe('0.0.0.0');
    expect(environment.TRUST_PROXY).toBe('true');
    expect(advisors[0]?.depends_on?.postgres?.condition).toBe('service_healthy');
    expect(services.postgres?.healthcheck?.test.join(' ')).toContain('pg_isready');
    expect(services.postgres?.environment?.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
  });

  it('publishes only the proxy, whose nginx.conf names both instances on the port they listen on', () => {
    for (const advisor of advisors) expect(advisor.ports).toBeUndefined();
    expect(services.proxy?.ports).toHaveLength(1);
    const mount = services.proxy?.volumes?.[0] ?? '';
    expect(mount).toMatch(/^\.\/deploy\/nginx\.conf:\/etc\/nginx\/nginx\.conf:ro$/);
    const nginx = read('deploy/nginx.conf');
    const port = advisors[0]?.environment?.PORT;
    for (const name of ['advisor-1', 'advisor-2']) {
      expect(nginx).toContain(`server ${name}:${port}`);
      expect(services.proxy?.depends_on?.[name]?.condition).toBe('service_healthy');
    }
  });

  it('gives streams longer to finish than the advisor’s shutdown grace, and documents every variable it sets', () => {
    expect(Number.parseInt(advisors[0]?.stop_grace_period ?? '0', 10)).toBeGreaterThan(10);
    const documented = read('.env.example');
    for (const name of Object.keys(advisors[0]?.environment ?? {})) expect(documented, name).toContain(name);
  });
});
