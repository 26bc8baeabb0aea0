// End to end with a static bearer token: `gatehouse serve` in its default OAuth mode, a token from
// `gatehouse token mint`, and the official SDK client sending it in the Authorization header (the
// way MCP clients that only take a header are set up). Without the token, or with a revoked one,
// the SDK's connect fails with 401.
//   node sdk-bearer.mjs --gatehouse PATH/gatehouse --billing PATH/billing.yaml
// Prints PASS/FAIL per check and "N passed, M failed"; exits 1 on a failure.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import { startGatehouse } from './services.mjs';

const TIMEOUT_MS = 15000;

function option(name) {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}
const gatehouseBinary = option('--gatehouse');
const billingSpec = option('--billing');
if (!gatehouseBinary || !billingSpec) {
  console.error('usage: node sdk-bearer.mjs --gatehouse PATH/gatehouse --billing PATH/billing.yaml');
  process.exit(2);
}

const results = [];
async function check(name, body) {
  try {
    await body();
    results.push(true);
    console.log(`PASS ${name}`);
  } catch (error) {
    results.push(false);
    console.log(`FAIL ${name}: ${error.message}`);
  }
}
const assert = (condition, message) => {
  if (!condition) throw new Error(message);
};

async function connect(url, token) {
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: token ? { headers: { Authorization: `Bearer ${token}` } } : {},
    reconnectionOptions: { maxRetries: 0, initialReconnectionDelay: 1000, maxReconnectionDelay: 1000, reconnectionDelayGrowFactor: 1 },
  });
  const client = new Client({ name: 'gatehouse-e2e-bearer', version: '1.0.0' }, { capabilities: {} });
  await client.connect(transport, { timeout: TIMEOUT_MS });
  return client;
}

async function refused(url, token) {
  try {
    const client = await connect(url, token);
    await client.close();
  } catch (error) {
    // The SDK's StreamableHTTPError carries the HTTP status as `code`.
    return { status: error?.code, message: String(error?.message ?? error) };
  }
  throw new Error('connect succeeded');
}

async function main() {
  const workDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'tmp', `sdk-bearer-${process.pid}`);
  fs.mkdirSync(workDir, { recursive: true });
  const dataDir = path.join(workDir, 'data');
  const gatehouse = await startGatehouse({
    binary: gatehouseBinary,
    config: {
      servers: [{ name: 'billing', openapi: path.resolve(billingSpec), base_url: 'http://127.0.0.1:9' }],
      // Bob may read and create invoices (the permission matrix lets nothing through unless granted).
      roles: { clerk: { 'billing/invoices': ['read', 'create'] } },
      users: [{ name: 'bob', roles: ['clerk'] }],
    },
    dir: workDir,
    timeoutMs: 60000,
  });
  const cli = (...args) =>
    execFileSync(gatehouseBinary, [...args, '--data', dataDir], { env: { ...process.env, LC_ALL: 'C' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = gatehouse.endpoint('billing');
    const token = cli('token', 'mint', '--user', 'bob', '--server', 'billing', '--ttl', '10m', '--public-url', gatehouse.baseUrl).trim();
    await check('token mint prints one token on stdout', () => assert(/^gh_at_[A-Za-z0-9_-]{40,}$/.test(token), `got ${JSON.stringify(token)}`));

    await check('the SDK client with the token lists and calls tools', async () => {
      const client = await connect(url, token);
      try {
        const { tools } = await client.listTools({}, { timeout: TIMEOUT_MS });
        assert(tools.some((tool) => tool.name === 'get_invoice'), `tools: ${tools.map((tool) => tool.name).join(', ')}`);
        // The upstream is a closed port: the call reaches dispatch and fails there, not at the guard.
        const result = await client.callTool({ name: 'get_invoice', arguments: { invoice_id: 'in_1' } }, undefined, { timeout: TIMEOUT_MS });
        assert(result.isError === true, `expected an upstream error, got ${JSON.stringify(result).slice(0, 200)}`);
      } finally {
        await client.close();
      }
    });

    await check('without a token the SDK gets 401', async () => {
      const { status, message } = await refused(url, undefined);
      assert(status === 401, `status ${status}: ${message}`);
      assert(message.includes('gatehouse token mint'), message);
    });

    await check('a revoked token is refused with 401', async () => {
      const listed = cli('token', 'list', '--user', 'bob');
      assert(!listed.includes(token), 'token list shows the token');
      const id = listed.split('\n').map((line) => line.trim().split(/\s+/)[0]).find((word) => /^[0-9a-f]{12}$/.test(word));
      assert(id, `no token id in: ${listed}`);
      cli('token', 'revoke', id);
      // The gateway keeps verified tokens for up to a second, so a revocation by another process
      // (this command) is refused within about a second (docs/configuration.md).
      const revokedAt = Date.now();
      let outcome;
      for (;;) {
        try {
          outcome = await refused(url, token);
          break;
        } catch (error) {
          if (Date.now() - revokedAt > 2500) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      const { status, message } = outcome;
      assert(status === 401, `status ${status}: ${message}`);
      assert(message.includes('revoked'), message);
      assert(Date.now() - revokedAt < 2500, `refused only after ${Date.now() - revokedAt} ms`);
    });
  } finally {
    await gatehouse.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  const failed = results.filter((ok) => !ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error?.stack ?? String(error));
  process.exit(1);
});
