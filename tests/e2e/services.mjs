// Child processes for the OpenAPI end-to-end test and the token benchmark: `gatehouse serve` with a
// generated configuration, and Prism (npm @stoplight/prism-cli) mocking an upstream API from its
// OpenAPI document. Every child is killed when this Node process exits, however it exits.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';

const STOP_TIMEOUT_MS = 5000;
const children = new Set();

function killAll() {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
process.on('exit', killAll);
// CTest and Ctrl-C: stop the children, then die of the same signal.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    killAll();
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
  });
}

// Starts COMMAND and resolves once a line of its output matches ready (a RegExp) with
// { match, pid, alive(), exitStatus(), lines, stop() }. Rejects when it exits first or after
// timeoutMs. Every output line goes to onLine(line) as well.
export function startProcess({ name, command, args, env, cwd, ready, timeoutMs, onLine = () => {} }) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let exited = null;
  const lines = [];
  const exitedPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      children.delete(child);
      resolve(exited);
    });
  });
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (message) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      const tail = lines.slice(-15).map((line) => `  | ${line}`).join('\n');
      reject(new Error(`${name}: ${message}${tail ? `; its last output:\n${tail}` : ''}`));
    };
    const timer = setTimeout(() => fail(`not ready within ${timeoutMs} ms`), timeoutMs);
    child.on('error', (error) => fail(`cannot start ${command}: ${error.message}`));
    exitedPromise.then(({ code, signal }) => fail(`exited before it was ready (code ${code}, signal ${signal})`));
    const handle = {
      pid: child.pid,
      lines,
      alive: () => exited === null,
      exitStatus: () => exited,
      // SIGTERM, then SIGKILL if it has not exited in time. Resolves to { code, signal, killed }.
      async stop() {
        if (exited) return { ...exited, killed: false };
        child.kill('SIGTERM');
        let timeout;
        const result = await Promise.race([
          exitedPromise.then((status) => ({ ...status, killed: false })),
          new Promise((resolveTimeout) => {
            timeout = setTimeout(() => resolveTimeout(null), STOP_TIMEOUT_MS);
          }),
        ]);
        clearTimeout(timeout);
        if (result) return result;
        child.kill('SIGKILL');
        return { ...(await exitedPromise), killed: true };
      },
    };
    const read = (stream) => {
      let buffer = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        buffer += chunk;
        let newline;
        while ((newline = buffer.indexOf('\n')) >= 0) {
          // Prism colours its log when it thinks it writes to a terminal.
          const line = buffer.slice(0, newline).replace(/\x1b\[[0-9;]*m/g, '');
          buffer = buffer.slice(newline + 1);
          lines.push(line);
          onLine(line);
          const match = settled ? null : ready.exec(line);
          if (match) {
            settled = true;
            clearTimeout(timer);
            resolve({ ...handle, match });
          }
        }
      });
    };
    read(child.stdout);
    read(child.stderr);
  });
}

// A TCP port that was free a moment ago (Prism needs a port number up front).
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// --- gatehouse serve ----------------------------------------------------------------------------

// Writes CONFIG (an object in the shape of docs/configuration.md) to DIR/gatehouse.json and runs
// `gatehouse serve --config DIR/gatehouse.json --listen 127.0.0.1:0 --data DIR/data`. Resolves with
// { baseUrl, endpoint(server), stop(), ... } once it printed "Gatehouse is running on URL".
export async function startGatehouse({ binary, config, dir, env = {}, timeoutMs = 60000, log = () => {} }) {
  fs.mkdirSync(dir, { recursive: true });
  const configFile = path.join(dir, 'gatehouse.json');
  fs.writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
  const started = Date.now();
  const handle = await startProcess({
    name: 'gatehouse serve',
    command: binary,
    args: ['serve', '--config', configFile, '--listen', '127.0.0.1:0', '--data', path.join(dir, 'data')],
    // Untranslated output: the test reads the "running on" line.
    env: { LC_ALL: 'C', LANG: 'C', LANGUAGE: '', ...env },
    ready: /Gatehouse is running on (https?:\/\/\S+?)[ .]*(?:\(|$)/,
    timeoutMs,
    onLine: (line) => log(line),
  });
  const baseUrl = handle.match[1];
  return { ...handle, baseUrl, configFile, startMs: Date.now() - started, endpoint: (server) => `${baseUrl}/mcp/${server}` };
}

// --- Prism --------------------------------------------------------------------------------------

const require = createRequire(import.meta.url);

// The CLI entry point of the installed @stoplight/prism-cli.
export function prismCli() {
  const manifest = require.resolve('@stoplight/prism-cli/package.json');
  const { bin } = JSON.parse(fs.readFileSync(manifest, 'utf8'));
  return path.join(path.dirname(manifest), typeof bin === 'string' ? bin : bin.prism);
}

// Reads Prism's log into one record per request: { method, path, valid (true, false or undefined
// while unknown), errors: [messages] }. Prism logs, per request:
//   [HTTP SERVER] get /invoices ℹ  info      Request received
//       [VALIDATOR] ✔  success   The request passed the validation rules. ...
//   or  [VALIDATOR] ⚠  warning   Request did not pass the validation rules
//       [VALIDATOR] ✖  error     Request query parameter status must be equal to one of ...
function prismLogReader(requests) {
  return (line) => {
    const received = /\[HTTP SERVER\] (\w+) (\S+) .*Request received/.exec(line);
    if (received) {
      requests.push({ method: received[1].toUpperCase(), path: received[2], valid: undefined, errors: [] });
      return;
    }
    const current = requests.at(-1);
    if (!current) return;
    if (/\[VALIDATOR\].*The request passed the validation rules/.test(line)) current.valid = true;
    else if (/\[VALIDATOR\].*Request did not pass the validation rules/.test(line)) current.valid = false;
    else if (/\[VALIDATOR\] .*error\s+(.*)$/.test(line)) current.errors.push(/error\s+(.*)$/.exec(line)[1].trim());
    else if (/Request terminated with error: (.*)$/.test(line)) {
      current.valid = false;
      current.errors.push(/Request terminated with error: (.*)$/.exec(line)[1].trim());
    }
  };
}

// `prism mock SPEC` on 127.0.0.1. Prism validates every request against the operation it matches
// (parameters, body, security) and answers an invalid one with 4xx instead of a mock (422, or the
// spec's own 400/401/403). --errors is not given: it would also turn Prism's own examples that
// disagree with their response schema (GitHub has some) into 500s, which says nothing about the
// request. With PORT, Prism listens there (chosen up front so that the gateway's config can name
// it while Prism starts); without, on a free port. Resolves with { url, requests, settled(n),
// stop(), ... }.
export async function startPrism({
  spec, name = path.basename(spec), port: fixedPort, node = process.execPath, timeoutMs = 60000, log = () => {},
}) {
  let lastError;
  // The port may be taken between freePort() and Prism's listen(): try another one.
  for (let attempt = 0; attempt < (fixedPort ? 1 : 3); attempt++) {
    const port = fixedPort ?? (await freePort());
    const requests = [];
    const readLog = prismLogReader(requests);
    const started = Date.now();
    try {
      const handle = await startProcess({
        name: `prism mock ${name}`,
        command: node,
        args: [prismCli(), 'mock', spec, '--host', '127.0.0.1', '--port', String(port)],
        env: { FORCE_COLOR: '0', NO_COLOR: '1' },
        ready: /Prism is listening on (http:\/\/\S+)/,
        timeoutMs,
        onLine: (line) => {
          readLog(line);
          log(line);
        },
      });
      return {
        ...handle,
        url: `http://127.0.0.1:${port}`,
        port,
        requests,
        startMs: Date.now() - started,
        // Prism logs a request a moment after it answered it: wait until COUNT requests were logged
        // with their validation outcome (or timeoutMs passed).
        async settled(count = requests.length, waitMs = 2000) {
          const deadline = Date.now() + waitMs;
          const done = () => requests.length >= count && requests.slice(0, count).every((r) => r.valid !== undefined);
          while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
          return requests.slice(0, count);
        },
      };
    } catch (error) {
      lastError = error;
      if (!/EADDRINUSE/.test(error.message)) break;
    }
  }
  throw lastError;
}

// --- OpenAPI documents --------------------------------------------------------------------------

function component(spec, ref) {
  const [kind, ...rest] = ref.slice('#/components/'.length).split('/');
  const name = rest.join('/').replace(/~1/g, '/').replace(/~0/g, '~');
  const target = spec.components?.[kind]?.[name];
  if (target === undefined) throw new Error(`unresolvable $ref ${ref}`);
  return { kind, name, target };
}

// SCHEMA with its component $refs inlined down to DEPTH nested $refs; deeper ones become {}.
function inlineSchema(spec, schema, depth) {
  if (Array.isArray(schema)) return schema.map((item) => inlineSchema(spec, item, depth));
  if (schema === null || typeof schema !== 'object') return schema;
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#/components/'))
    return depth > 0 ? inlineSchema(spec, component(spec, schema.$ref).target, depth - 1) : {};
  return Object.fromEntries(Object.entries(schema).map(([key, item]) => [key, inlineSchema(spec, item, depth)]));
}

// A copy of SPEC (an OpenAPI 3 document) with only the path items in KEEP and the components they
// reference, directly or not. Prism needs 16 s to start on GitHub's whole document (1,223
// operations), 4 s on the two path items a test calls; the operations it keeps are unchanged.
// With responseDepth, response schemas are inlined down to that many nested $refs instead:
// Prism does not start within minutes on Stripe's circular response schemas, even for one path.
export function trimSpec(spec, keep, { responseDepth } = {}) {
  const out = { ...spec, paths: {}, components: {} };
  delete out['x-webhooks'];
  delete out.webhooks;
  for (const key of keep) {
    if (!spec.paths?.[key]) throw new Error(`the document has no path ${key}`);
    out.paths[key] = spec.paths[key];
    if (responseDepth === undefined) continue;
    out.paths[key] = structuredClone(spec.paths[key]);
    for (const operation of Object.values(out.paths[key])) {
      for (const response of Object.values(operation?.responses ?? {}))
        for (const media of Object.values(response.content ?? {}))
          if (media.schema) media.schema = inlineSchema(spec, media.schema, responseDepth);
    }
  }
  const seen = new Set();
  const walk = (value) => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (value === null || typeof value !== 'object') return;
    const ref = value.$ref;
    if (typeof ref === 'string' && ref.startsWith('#/components/') && !seen.has(ref)) {
      seen.add(ref);
      const { kind, name, target } = component(spec, ref);
      (out.components[kind] ??= {})[name] = target;
      walk(target);
    }
    for (const item of Object.values(value)) walk(item);
  };
  walk(out.paths);
  if (spec.components?.securitySchemes) out.components.securitySchemes = spec.components.securitySchemes;
  return out;
}

// The tool name Gatehouse derives from an operationId: snake_case, other characters as "_"
// (createInvoice -> create_invoice, repos/get -> repos_get, issues/list-for-repo ->
// issues_list_for_repo, query_form_nonExploded -> query_form_non_exploded).
export function toolNameFor(operationId) {
  return operationId
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
}

// The tool among TOOLS ({name}) for OPERATION_ID: by the expected name, else the only one whose
// name is the same apart from case and separators (the generator may split words differently).
export function findTool(tools, operationId) {
  const expected = toolNameFor(operationId);
  const exact = tools.find((tool) => tool.name === expected);
  if (exact) return exact;
  const squash = (text) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  const loose = tools.filter((tool) => squash(tool.name) === squash(operationId));
  return loose.length === 1 ? loose[0] : undefined;
}
