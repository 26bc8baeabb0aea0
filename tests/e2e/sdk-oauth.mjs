// End to end with the official SDK's OAuth flow against `gatehouse serve` in its default OAuth mode:
// the SDK's auth() discovers the protected resource metadata (RFC 9728) and the authorization
// server metadata (RFC 8414), registers a client (RFC 7591), sends the user to the sign-in page
// with PKCE S256 and the resource parameter (this script submits the HTML form as a browser
// would), exchanges the code, lists and calls tools, and refreshes. Then: the rotated-out refresh
// token is refused and revokes the grant; the consent page shows what was asked.
//   node sdk-oauth.mjs --gatehouse PATH/gatehouse --billing PATH/billing.yaml
// Prints PASS/FAIL per check and "N passed, M failed"; exits 1 on a failure.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { auth, UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import { signIn } from './oauth-login.mjs';
import { startGatehouse } from './services.mjs';

const TIMEOUT_MS = 15000;
const PASSWORD = 'correct horse battery staple';
const REDIRECT = 'http://127.0.0.1:53682/callback'; // never listened on: the script reads the redirect

function option(name) {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}
const gatehouseBinary = option('--gatehouse');
const billingSpec = option('--billing');
if (!gatehouseBinary || !billingSpec) {
  console.error('usage: node sdk-oauth.mjs --gatehouse PATH/gatehouse --billing PATH/billing.yaml');
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

// The SDK's OAuthClientProvider, kept in memory; redirectToAuthorization records the URL.
class MemoryProvider {
  constructor() {
    this.authorizationUrl = undefined;
  }
  get redirectUrl() {
    return REDIRECT;
  }
  get clientMetadata() {
    return {
      client_name: 'Gatehouse e2e (SDK auth)',
      redirect_uris: [REDIRECT],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    };
  }
  clientInformation() {
    return this.client;
  }
  saveClientInformation(client) {
    this.client = client;
  }
  tokens() {
    return this.savedTokens;
  }
  saveTokens(tokens) {
    this.savedTokens = tokens;
  }
  redirectToAuthorization(url) {
    this.authorizationUrl = url;
  }
  saveCodeVerifier(verifier) {
    this.verifier = verifier;
  }
  codeVerifier() {
    return this.verifier;
  }
}

function transportFor(url, provider) {
  return new StreamableHTTPClientTransport(new URL(url), {
    authProvider: provider,
    reconnectionOptions: { maxRetries: 0, initialReconnectionDelay: 1000, maxReconnectionDelay: 1000, reconnectionDelayGrowFactor: 1 },
  });
}

async function connect(url, provider) {
  const client = new Client({ name: 'gatehouse-e2e-oauth', version: '1.0.0' }, { capabilities: {} });
  await client.connect(transportFor(url, provider), { timeout: TIMEOUT_MS });
  return client;
}

async function main() {
  const workDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'tmp', `sdk-oauth-${process.pid}`);
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
  execFileSync(gatehouseBinary, ['user', 'passwd', 'bob', '--data', dataDir], {
    env: { ...process.env, LC_ALL: 'C' },
    input: `${PASSWORD}\n`,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const url = gatehouse.endpoint('billing');
  const provider = new MemoryProvider();
  let location;
  let firstTokens;
  try {
    await check('connecting without tokens runs discovery, registration and PKCE, and sends the user to sign in', async () => {
      let error;
      try {
        await connect(url, provider);
      } catch (e) {
        error = e;
      }
      assert(error instanceof UnauthorizedError, `expected UnauthorizedError, got ${error}`);
      assert(provider.client?.client_id?.startsWith('gh_ci_'), `registered client: ${JSON.stringify(provider.client)}`);
      const authUrl = provider.authorizationUrl;
      assert(authUrl, 'no authorization URL');
      assert(authUrl.origin === gatehouse.baseUrl && authUrl.pathname === '/oauth/authorize', authUrl.href);
      assert(authUrl.searchParams.get('code_challenge_method') === 'S256', authUrl.href);
      assert(authUrl.searchParams.get('resource') === url, `resource ${authUrl.searchParams.get('resource')}, expected ${url}`);
    });

    await check('the sign-in page names the client, the server and the scopes; a wrong password is refused', async () => {
      const wrong = await signIn(provider.authorizationUrl, { user: 'bob', password: 'wrong' }).catch((e) => e);
      assert(wrong instanceof Error && wrong.message.includes('401'), `wrong password: ${wrong?.message ?? wrong}`);
      const signedIn = await signIn(provider.authorizationUrl, { user: 'bob', password: PASSWORD });
      assert(signedIn.page.includes('Gatehouse e2e (SDK auth)'), 'the page does not show the client name');
      assert(signedIn.page.includes('billing'), 'the page does not name the server');
      location = signedIn.location;
      assert(location.href.startsWith(REDIRECT), location.href);
      assert(location.searchParams.getAll('code').length === 1, location.href);
      assert(location.searchParams.get('iss') === gatehouse.baseUrl, `iss ${location.searchParams.get('iss')}`);
    });

    await check('the code is exchanged and the SDK lists and calls tools with the access token', async () => {
      const transport = transportFor(url, provider);
      await transport.finishAuth(location.searchParams.get('code'));
      firstTokens = provider.tokens();
      assert(firstTokens?.access_token?.startsWith('gh_at_') && firstTokens?.refresh_token?.startsWith('gh_rt_'), JSON.stringify(firstTokens));
      const client = await connect(url, provider);
      try {
        const { tools } = await client.listTools({}, { timeout: TIMEOUT_MS });
        assert(tools.some((tool) => tool.name === 'get_invoice'), `tools: ${tools.map((tool) => tool.name).join(', ')}`);
        const result = await client.callTool({ name: 'get_invoice', arguments: { invoice_id: 'in_1' } }, undefined, { timeout: TIMEOUT_MS });
        assert(result.isError === true, `expected an upstream error (closed port), got ${JSON.stringify(result).slice(0, 200)}`);
      } finally {
        await client.close();
      }
    });

    await check('auth() refreshes: new access and refresh tokens that work', async () => {
      const outcome = await auth(provider, { serverUrl: url });
      assert(outcome === 'AUTHORIZED', `auth() returned ${outcome}`);
      const refreshed = provider.tokens();
      assert(refreshed.access_token !== firstTokens.access_token, 'the access token did not change');
      assert(refreshed.refresh_token !== firstTokens.refresh_token, 'the refresh token was not rotated');
      const client = await connect(url, provider);
      await client.listTools({}, { timeout: TIMEOUT_MS });
      await client.close();
    });

    await check('the rotated-out refresh token is refused and revokes the whole grant', async () => {
      const token = await fetch(`${gatehouse.baseUrl}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: firstTokens.refresh_token, client_id: provider.client.client_id }),
      });
      const body = await token.json();
      assert(token.status === 400 && body.error === 'invalid_grant', `${token.status} ${JSON.stringify(body)}`);
      assert(body.error_description?.includes('already used'), JSON.stringify(body));
      const probe = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${provider.tokens().access_token}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }),
      });
      assert(probe.status === 401, `the current access token still works after reuse: ${probe.status}`);
      assert((probe.headers.get('www-authenticate') ?? '').includes('resource_metadata='), probe.headers.get('www-authenticate'));
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
