// Runs the MCP conformance suite's `authorization` command (authorization server metadata, and
// one authorization code grant with PKCE and the resource parameter) against `gatehouse serve`.
// The suite needs a client registered for its callback http://127.0.0.1:PORT/callback: this
// script registers one (RFC 7591), starts the suite, and plays the person at the sign-in page for
// the authorization URL the suite prints, following the redirect to the suite's callback.
//   node conformance-auth.mjs --gatehouse PATH/gatehouse --billing PATH/billing.yaml
// Needs Node 22. Prints the suite's output and each check's status; exits 1 on a failure.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

import { signIn } from './oauth-login.mjs';
import { freePort, startGatehouse } from './services.mjs';

const PASSWORD = 'conformance-password-1';
const SUITE_TIMEOUT_MS = 90000;

function option(name) {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}
const gatehouseBinary = option('--gatehouse');
const billingSpec = option('--billing');
if (!gatehouseBinary || !billingSpec) {
  console.error('usage: node conformance-auth.mjs --gatehouse PATH/gatehouse --billing PATH/billing.yaml');
  process.exit(2);
}

const require = createRequire(import.meta.url);
const packageJson = require.resolve('@modelcontextprotocol/conformance/package.json');
const cli = path.join(path.dirname(packageJson), require(packageJson).bin.conformance);

function readChecks(outputDir) {
  const checks = [];
  if (!fs.existsSync(outputDir)) return checks;
  for (const entry of fs.readdirSync(outputDir)) {
    const file = path.join(outputDir, entry, 'checks.json');
    if (fs.existsSync(file)) checks.push(...JSON.parse(fs.readFileSync(file, 'utf8')));
  }
  return checks;
}

async function main() {
  const workDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'tmp', `conformance-auth-${process.pid}`);
  fs.mkdirSync(workDir, { recursive: true });
  const dataDir = path.join(workDir, 'data');
  const outputDir = path.join(workDir, 'results');
  const gatehouse = await startGatehouse({
    binary: gatehouseBinary,
    config: {
      servers: [{ name: 'billing', openapi: path.resolve(billingSpec), base_url: 'http://127.0.0.1:9' }],
      users: [{ name: 'bob' }],
    },
    dir: workDir,
    timeoutMs: 60000,
  });
  let ok = false;
  try {
    execFileSync(gatehouseBinary, ['user', 'passwd', 'bob', '--data', dataDir], {
      env: { ...process.env, LC_ALL: 'C' },
      input: `${PASSWORD}\n`,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const port = await freePort();
    const registered = await fetch(`${gatehouse.baseUrl}/oauth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        client_name: 'MCP conformance suite',
        redirect_uris: [`http://127.0.0.1:${port}/callback`],
        token_endpoint_auth_method: 'none',
      }),
    });
    const client = await registered.json();
    if (registered.status !== 201) throw new Error(`registration answered ${registered.status}: ${JSON.stringify(client)}`);

    const args = [cli, 'authorization', '--url', gatehouse.baseUrl, '--client-id', client.client_id, '-p', String(port),
      '--resource', gatehouse.endpoint('billing'), '--spec-version', '2025-11-25', '-o', outputDir];
    console.log(`conformance ${args.slice(1).join(' ')}`);
    const suite = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    const timer = setTimeout(() => suite.kill('SIGKILL'), SUITE_TIMEOUT_MS);
    let nextIsUrl = false;
    let signing;
    readline.createInterface({ input: suite.stdout }).on('line', (line) => {
      console.log(line);
      if (nextIsUrl && /^https?:\/\//.test(line.trim())) {
        nextIsUrl = false;
        signing = (async () => {
          const { location } = await signIn(line.trim(), { user: 'bob', password: PASSWORD });
          // The browser follows the redirect to the suite's callback server.
          const callback = await fetch(location);
          console.log(`(signed in; the suite's callback answered ${callback.status})`);
        })().catch((error) => console.log(`FAIL signing in at the authorization URL: ${error.message}`));
      }
      if (line.includes('Access the following URL')) nextIsUrl = true;
    });
    const code = await new Promise((resolve) => suite.on('exit', (exitCode) => resolve(exitCode)));
    clearTimeout(timer);
    await signing;
    const checks = readChecks(outputDir);
    for (const c of checks) console.log(`${c.status} ${c.id}${c.errorMessage ? `: ${c.errorMessage}` : ''}`);
    const expected = ['authorization-server-metadata', 'authorization-server-metadata-cimd', 'authorization-code-grant'];
    const missing = expected.filter((id) => !checks.some((c) => c.id === id && c.status === 'SUCCESS'));
    if (missing.length) console.log(`FAIL not successful: ${missing.join(', ')}`);
    ok = code === 0 && missing.length === 0;
  } finally {
    await gatehouse.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  console.log(ok ? 'conformance authorization: passed' : 'conformance authorization: FAILED');
  process.exit(ok ? 0 : 1);
}

main().catch((error) => {
  console.error(error?.stack ?? String(error));
  process.exit(1);
});
