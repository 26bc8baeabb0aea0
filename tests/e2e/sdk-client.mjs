// End-to-end check of the Gatehouse MCP endpoint with the official TypeScript SDK's Client and
// StreamableHTTPClientTransport, plus a few raw HTTP requests where the SDK cannot choose the shape:
//   node sdk-client.mjs --gateway PATH/gatehouse_fixture_gateway [--workers N]
// Starts the fixture gateway on a free port, runs the checks, stops it with SIGTERM and prints
// "N passed, M failed". Exits 1 when a check failed.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';

import { gatewayOptions, startGateway } from './gateway.mjs';

const CHECK_TIMEOUT_MS = 15000;
const results = [];

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function show(value) {
  const text = JSON.stringify(value);
  return text && text.length > 400 ? `${text.slice(0, 400)}...` : text;
}

async function check(name, body) {
  let timer;
  const started = Date.now();
  try {
    await Promise.race([
      body(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    results.push({ name, ok: true });
    console.log(`PASS ${name} (${Date.now() - started} ms)`);
    return true;
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`FAIL ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  } finally {
    clearTimeout(timer);
  }
}

// A fetch for the SDK transport that records, for each POSTed JSON-RPC message, the answer's
// status and Content-Type, and when an event-stream answer ended.
function recordingFetch(log) {
  return async (input, init = {}) => {
    const response = await fetch(input, init);
    if ((init.method ?? 'GET') !== 'POST' || typeof init.body !== 'string') return response;
    let message = {};
    try {
      message = JSON.parse(init.body);
    } catch {
      // not ours to judge here
    }
    const entry = {
      method: message.method,
      id: message.id,
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      ended: false,
      progressEvents: 0, // notifications/progress seen on this answer's event stream
    };
    log.push(entry);
    if (!response.body || !entry.contentType.includes('text/event-stream')) return response;
    const decoder = new TextDecoder();
    let text = '';
    const tap = new TransformStream({
      transform(chunk, controller) {
        text += decoder.decode(chunk, { stream: true });
        const events = text.split('\n\n');
        text = events.pop();
        for (const event of events) if (event.includes('"notifications/progress"')) entry.progressEvents++;
        controller.enqueue(chunk);
      },
      flush() {
        entry.ended = true;
      },
    });
    return new Response(response.body.pipeThrough(tap), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

// A raw POST of one JSON-RPC message; returns { status, contentType, body (parsed JSON or text) }.
async function rawPost(url, message, headers) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(message),
    signal: AbortSignal.timeout(10000),
  });
  const contentType = response.headers.get('content-type') ?? '';
  const text = await response.text();
  let body = text;
  try {
    body = JSON.parse(text);
  } catch {
    // keep the text
  }
  return { status: response.status, contentType, body, headers: response.headers };
}

function textOf(result) {
  return (result?.content ?? [])
    .filter((item) => item.type === 'text')
    .map((item) => item.text)
    .join('');
}

async function main() {
  const gateway = await startGateway(gatewayOptions());
  console.log(`fixture gateway pid ${gateway.pid} at ${gateway.url}`);

  const exchanges = [];
  const transport = new StreamableHTTPClientTransport(new URL(gateway.url), {
    fetch: recordingFetch(exchanges),
    // A dropped stream must fail the test, not be retried for minutes.
    reconnectionOptions: { maxRetries: 0, initialReconnectionDelay: 1000, maxReconnectionDelay: 1000, reconnectionDelayGrowFactor: 1 },
  });
  const transportErrors = [];
  const client = new Client({ name: 'gatehouse-e2e-sdk-client', version: '1.0.0' }, { capabilities: {} });
  client.onerror = (error) => transportErrors.push(error);
  let connected = false;
  let sessionId;

  await check('initialize: protocol version, serverInfo, tools capability with listChanged', async () => {
    await client.connect(transport);
    connected = true;
    sessionId = transport.sessionId;
    assert(sessionId, 'no Mcp-Session-Id came back from initialize');
    assert(/^[\x21-\x7e]+$/.test(sessionId), `the session id has characters outside visible ASCII: ${show(sessionId)}`);
    assert(transport.protocolVersion === LATEST_PROTOCOL_VERSION,
      `negotiated protocol version ${show(transport.protocolVersion)}, expected ${LATEST_PROTOCOL_VERSION}`);
    const info = client.getServerVersion();
    assert(info?.name === 'gatehouse', `serverInfo.name is ${show(info?.name)}, expected "gatehouse"`);
    assert(typeof info?.version === 'string' && info.version, `serverInfo.version is ${show(info?.version)}`);
    const capabilities = client.getServerCapabilities();
    assert(capabilities?.tools?.listChanged === true,
      `capabilities.tools.listChanged is not true: ${show(capabilities)}`);
  });
  if (!connected) return finish(gateway, client);

  await check('ping', async () => {
    const result = await client.ping();
    assert(result && typeof result === 'object', `ping answered ${show(result)}`);
  });

  await check('tools/list lists echo, slow, fail and forbidden', async () => {
    const { tools } = await client.listTools();
    const names = tools.map((tool) => tool.name);
    for (const name of ['echo', 'slow', 'fail', 'forbidden'])
      assert(names.includes(name), `tools/list has no "${name}": ${show(names)}`);
    const echo = tools.find((tool) => tool.name === 'echo');
    assert(echo.inputSchema?.type === 'object', `echo's inputSchema is ${show(echo.inputSchema)}`);
  });

  await check('tools/call echo returns its text', async () => {
    const result = await client.callTool({ name: 'echo', arguments: { text: 'hello from the SDK' } });
    assert(!result.isError, `echo answered isError: ${show(result)}`);
    assert(textOf(result) === 'hello from the SDK', `echo answered ${show(result)}`);
    const exchange = exchanges.findLast((entry) => entry.method === 'tools/call');
    console.log(`  echo was answered with ${exchange?.contentType || 'no content type'}`);
  });

  await check('tools/call slow with a progress token: answered over SSE, onprogress sees every step', async () => {
    const progress = [];
    const result = await client.callTool({ name: 'slow', arguments: { steps: 4, intervalMs: 30 } }, undefined, {
      onprogress: (notification) => progress.push(notification),
    });
    assert(textOf(result) === 'counted 4 steps', `slow answered ${show(result)}`);
    assert(progress.length === 4, `expected 4 progress notifications, got ${progress.length}: ${show(progress)}`);
    progress.forEach((notification, index) => {
      assert(notification.progress === index + 1 && notification.total === 4,
        `progress notification ${index + 1} is ${show(notification)}`);
    });
    assert(progress[0].message === 'step 1 of 4', `progress message is ${show(progress[0].message)}`);
    const exchange = exchanges.findLast((entry) => entry.method === 'tools/call');
    assert(exchange.status === 200 && exchange.contentType.startsWith('text/event-stream'),
      `slow was answered with HTTP ${exchange.status} ${show(exchange.contentType)}, expected an event stream`);
  });

  const sessionHeaders = (accept) => ({
    Accept: accept,
    'Mcp-Session-Id': sessionId,
    'MCP-Protocol-Version': LATEST_PROTOCOL_VERSION,
  });

  await check('Accept: application/json only: tools/call echo is answered as plain JSON', async () => {
    const answer = await rawPost(gateway.url,
      { jsonrpc: '2.0', id: 'json-echo', method: 'tools/call', params: { name: 'echo', arguments: { text: 'plain' } } },
      sessionHeaders('application/json'));
    assert(answer.status === 200, `HTTP ${answer.status}: ${show(answer.body)}`);
    assert(answer.contentType.startsWith('application/json'), `Content-Type is ${show(answer.contentType)}`);
    assert(answer.body?.id === 'json-echo' && textOf(answer.body?.result) === 'plain', `answered ${show(answer.body)}`);
  });

  await check('Accept: application/json only: tools/call slow with a progress token is answered as plain JSON', async () => {
    const answer = await rawPost(gateway.url,
      { jsonrpc: '2.0', id: 7, method: 'tools/call',
        params: { name: 'slow', arguments: { steps: 3, intervalMs: 20 }, _meta: { progressToken: 'json-slow' } } },
      sessionHeaders('application/json'));
    assert(answer.status === 200, `HTTP ${answer.status}: ${show(answer.body)}`);
    assert(answer.contentType.startsWith('application/json'), `Content-Type is ${show(answer.contentType)}`);
    assert(answer.body?.id === 7 && textOf(answer.body?.result) === 'counted 3 steps', `answered ${show(answer.body)}`);
  });

  await check('Accept: application/json only: tools/list is answered as plain JSON', async () => {
    const answer = await rawPost(gateway.url, { jsonrpc: '2.0', id: 8, method: 'tools/list' },
      sessionHeaders('application/json'));
    assert(answer.status === 200 && answer.contentType.startsWith('application/json'),
      `HTTP ${answer.status} ${show(answer.contentType)}`);
    assert(Array.isArray(answer.body?.result?.tools), `answered ${show(answer.body)}`);
  });

  await check('an unsupported MCP-Protocol-Version header is refused with 400', async () => {
    const answer = await rawPost(gateway.url, { jsonrpc: '2.0', id: 9, method: 'ping' },
      { ...sessionHeaders('application/json, text/event-stream'), 'MCP-Protocol-Version': '1999-01-01' });
    assert(answer.status === 400, `HTTP ${answer.status}: ${show(answer.body)}`);
  });

  await check('tools/call fail reports an error (isError or a JSON-RPC error)', async () => {
    let result;
    try {
      result = await client.callTool({ name: 'fail', arguments: {} });
    } catch (error) {
      assert(typeof error?.code === 'number', `fail rejected with something that is not an MCP error: ${error}`);
      console.log(`  fail answered JSON-RPC error ${error.code}: ${error.message}`);
      return;
    }
    assert(result.isError === true, `fail answered a result without isError: ${show(result)}`);
    console.log(`  fail answered isError: ${show(textOf(result))}`);
  });

  await check('tools/call forbidden reports an error (isError or a JSON-RPC error)', async () => {
    let result;
    try {
      result = await client.callTool({ name: 'forbidden', arguments: {} });
    } catch (error) {
      assert(typeof error?.code === 'number', `forbidden rejected with something that is not an MCP error: ${error}`);
      return;
    }
    assert(result.isError === true, `forbidden answered a result without isError: ${show(result)}`);
  });

  await check('cancelling tools/call slow with an AbortSignal rejects it; the gateway then answers ping', async () => {
    const controller = new AbortController();
    const progress = [];
    const started = Date.now();
    const call = client.callTool({ name: 'slow', arguments: { steps: 200, intervalMs: 50 } }, undefined, {
      signal: controller.signal,
      onprogress: (notification) => {
        progress.push(notification);
        if (progress.length === 2) controller.abort('the e2e test cancels slow');
      },
    });
    let rejected = null;
    try {
      const result = await call;
      throw new Error(`the cancelled call resolved: ${show(result)}`);
    } catch (error) {
      rejected = error;
    }
    assert(controller.signal.aborted, `the call failed before it was cancelled: ${rejected}`);
    const elapsed = Date.now() - started;
    assert(elapsed < 5000, `the cancelled call took ${elapsed} ms to reject (the full run is 10 s)`);
    const exchange = exchanges.findLast((entry) => entry.method === 'tools/call');
    assert(exchange.contentType.startsWith('text/event-stream'), `slow was answered with ${show(exchange.contentType)}`);
    const pong = await client.ping();
    assert(pong && typeof pong === 'object', `ping after the cancellation answered ${show(pong)}`);
    const echo = await client.callTool({ name: 'echo', arguments: { text: 'still here' } });
    assert(textOf(echo) === 'still here', `echo after the cancellation answered ${show(echo)}`);
    console.log(`  rejected after ${elapsed} ms with: ${rejected?.message ?? rejected}`);
    // The gateway stops the call and, as no response follows a cancelled request
    // (basic/utilities/cancellation), ends its event stream; a call left running would keep
    // streaming progress for 10 s. The SDK no longer passes that progress to onprogress, so the
    // stream's own events are counted.
    const deadline = Date.now() + 3000;
    while (!exchange.ended && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    assert(exchange.ended,
      'the gateway kept running the cancelled call: 3 s after notifications/cancelled its event stream is ' +
      `still open and has carried ${exchange.progressEvents} progress notifications (2 before the cancellation)`);
    assert(exchange.progressEvents < 20,
      `the cancelled call's stream carried ${exchange.progressEvents} progress notifications before it ended`);
  });

  await check('DELETE ends the session; a request with the old session id gets 404', async () => {
    await transport.terminateSession();
    assert(transport.sessionId === undefined, `the transport still has session ${show(transport.sessionId)}`);
    const answer = await rawPost(gateway.url, { jsonrpc: '2.0', id: 10, method: 'tools/list' },
      sessionHeaders('application/json, text/event-stream'));
    assert(answer.status === 404, `POST with the ended session answered HTTP ${answer.status}: ${show(answer.body)}`);
    const get = await fetch(gateway.url, {
      headers: { Accept: 'text/event-stream', 'Mcp-Session-Id': sessionId, 'MCP-Protocol-Version': LATEST_PROTOCOL_VERSION },
      signal: AbortSignal.timeout(10000),
    });
    await get.body?.cancel();
    assert(get.status === 404, `GET with the ended session answered HTTP ${get.status}`);
  });

  return finish(gateway, client, transportErrors);
}

async function finish(gateway, client, transportErrors = []) {
  await client.close().catch(() => {});
  await check('the gateway ran throughout and stops cleanly on SIGTERM', async () => {
    assert(gateway.alive(), `the gateway exited during the test: ${show(gateway.exitStatus())}`);
    const status = await gateway.stop();
    assert(!status.killed, 'the gateway did not exit within 5 s of SIGTERM');
    assert(status.code === 0, `the gateway exited with ${show(status)}`);
  });
  // Errors the transport only reports through onerror (e.g. a stream that broke).
  const reported = new Map();
  for (const error of transportErrors) {
    const message = String(error?.message ?? error);
    if (/AbortError|aborted/i.test(String(error?.name) + message)) continue;
    const kind = message.replace(/\{.*$/s, '').trim();
    if (!reported.has(kind)) reported.set(kind, { count: 0, first: message });
    reported.get(kind).count++;
  }
  for (const { count, first } of reported.values())
    console.log(`note: the SDK transport reported ${count > 1 ? `${count} times, first: ` : ''}${first}`);
  const failed = results.filter((result) => !result.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`sdk-client: ${error?.stack ?? error}`);
    console.log(`${results.filter((result) => result.ok).length} passed, ${results.filter((r) => !r.ok).length + 1} failed`);
    process.exit(1);
  },
);
