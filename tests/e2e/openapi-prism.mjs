// End to end through OpenAPI-generated tools: Prism mocks each upstream API from its OpenAPI
// document and validates every request it receives against the operation (parameters, body,
// security); `gatehouse serve` serves the tools it generates from the same document, with
// base_url pointing at Prism; the official SDK client lists and calls them.
//   node openapi-prism.mjs --gatehouse PATH/gatehouse --specs DIR --billing PATH/billing.yaml
//                          [--only billing,petstore,styles,github] [--keep] [--verbose]
// --specs is the folder the OpenApiSpecsFetch test fills (tests/openapi-specs/fetch-specs.sh).
// A call passes when the gateway answers without isError AND Prism logged the request as valid;
// a call with a bad argument passes when the gateway answers isError naming the argument AND
// Prism never saw a request. Prints PASS/FAIL per check and "N passed, M failed"; exits 1 on a
// failure.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import { findTool, freePort, startGatehouse, startPrism, trimSpec } from './services.mjs';

const CALL_TIMEOUT_MS = 15000;
const STARTUP_TIMEOUT_MS = 60000;
// Everything, startup included; CTest's TIMEOUT is longer so that the children are always
// stopped by this script rather than left behind by a killed one.
const DEADLINE_MS = 110000;

function option(name) {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}
const flag = (name) => process.argv.includes(name);

const gatehouseBinary = option('--gatehouse') ?? process.env.GATEHOUSE_BINARY;
const specsDir = option('--specs') ?? process.env.GATEHOUSE_OPENAPI_SPECS_DIR;
const billingSpec = option('--billing');
if (!gatehouseBinary || !specsDir || !billingSpec) {
  console.error('usage: node openapi-prism.mjs --gatehouse PATH/gatehouse --specs DIR --billing PATH/billing.yaml ' +
    '[--only billing,petstore,styles,github] [--keep] [--verbose]');
  process.exit(2);
}
const verbose = flag('--verbose');
// The gateway reads paths in its config relative to the config file, which lives elsewhere.
const specsRoot = path.resolve(specsDir);
const billingFile = path.resolve(billingSpec);

const results = [];
const assert = (condition, message) => {
  if (!condition) throw new Error(message);
};
const show = (value, max = 300) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text && text.length > max ? `${text.slice(0, max)}...` : text;
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function check(name, body) {
  const started = Date.now();
  try {
    await body();
    results.push({ name, ok: true });
    console.log(`PASS ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`FAIL ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function textOf(result) {
  return (result?.content ?? [])
    .filter((item) => item.type === 'text')
    .map((item) => item.text)
    .join('\n');
}

// The answer's JSON value: structuredContent (objects), else the first text item parsed.
function jsonOf(result) {
  if (result.structuredContent !== undefined) return result.structuredContent;
  const first = (result.content ?? []).find((item) => item.type === 'text');
  try {
    return JSON.parse(first?.text ?? '');
  } catch {
    return undefined;
  }
}

// ARGS by the spec's names, renamed to the tool's inputSchema properties (same name apart from
// case and separators: a header "Idempotency-Key" may be the property "idempotency_key").
function argumentsFor(tool, args) {
  const properties = Object.keys(tool.inputSchema?.properties ?? {});
  const squash = (text) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  const out = {};
  for (const [name, value] of Object.entries(args)) {
    const property = properties.includes(name) ? name : properties.find((p) => squash(p) === squash(name));
    assert(property, `${tool.name} has no argument for "${name}"; its inputSchema has ${show(properties)}`);
    out[property] = value;
  }
  return out;
}

// --- the upstreams ------------------------------------------------------------------------------

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const specFile = (...parts) => {
  const file = path.join(specsRoot, ...parts);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run the OpenApiSpecsFetch test first (ctest -R OpenApiSpecsFetch)`);
  return file;
};

// readme's parameter-style fixtures with every parameter required and its schema closed (string
// enum, array items from an enum and at least two of them, objects with required properties and
// no others), so that Prism rejects a wrongly serialized value instead of reading it as some other
// string. Only the styles Prism 5.14 deserializes: it crashes on array or object path parameters
// and on delimited objects, and reads spaceDelimited %20 as one item.
function parameterStylesSpec(file, workDir) {
  const spec = readJson(file);
  const keep = {
    '/anything/query/form': ['get', 'post'],
    '/anything/query/pipeDelimited': ['get'],
    '/anything/query/deepObject': ['get'],
    '/anything/headers/simple': ['get', 'post'],
  };
  const paths = {};
  for (const [key, methods] of Object.entries(keep)) {
    paths[key] = {};
    for (const method of methods) {
      const operation = structuredClone(spec.paths[key][method]);
      operation.parameters = operation.parameters
        .filter((parameter) => !(/Delimited/.test(parameter.style ?? '') && parameter.schema.type === 'object'))
        .map((parameter) => {
          const schema = { ...parameter.schema };
          if (schema.type === 'string') schema.enum = ['p'];
          if (schema.type === 'array') Object.assign(schema, { items: { type: 'string', enum: ['a', 'b', 'c'] }, minItems: 2 });
          if (schema.type === 'object') Object.assign(schema, { required: ['name', 'description'], additionalProperties: false });
          return { ...parameter, required: true, schema };
        });
      paths[key][method] = operation;
    }
  }
  const out = path.join(workDir, 'parameter-styles.json');
  fs.writeFileSync(out, JSON.stringify({ ...spec, paths }, null, 1));
  return out;
}

const UPSTREAMS = {
  billing: {
    describe: 'examples/specs/billing.yaml (ours): query, path, JSON body, header, api key',
    specs: () => ({ gateway: billingFile, prism: billingFile }),
    server: { credential: 'billing-key' },
    async run(ctx) {
      await ctx.ok('listInvoices', 'query enum', { status: 'open' }, (json, request) => {
        assert(Array.isArray(json?.data), `data is not an array: ${show(json)}`);
        assert(typeof json.has_more === 'boolean', `has_more is not a boolean: ${show(json)}`);
        assert(request.path === '/invoices', `Prism saw ${request.path}`);
      });
      await ctx.ok('getInvoice', 'path parameter, percent-encoded', { invoice_id: 'in_1 2/3' }, (json, request) => {
        assert(typeof json?.id === 'string' && typeof json.total === 'number', `not an invoice: ${show(json)}`);
        assert(request.path === '/invoices/in_1%202%2F3', `Prism saw the path ${request.path}, expected /invoices/in_1%202%2F3`);
      });
      await ctx.ok('createInvoice', 'JSON body and a header parameter',
        { customer_id: 'cus_42', amount: 12.5, currency: 'EUR', memo: 'e2e', 'Idempotency-Key': 'e2e-1' },
        (json, request) => {
          assert(typeof json?.id === 'string' && typeof json.status === 'string', `not an invoice: ${show(json)}`);
          assert(request.method === 'POST', `Prism saw ${request.method} ${request.path}`);
        });
      await ctx.ok('getCustomer', 'another resource', { customer_id: 'cus_42' }, (json) => {
        assert(typeof json?.email === 'string', `not a customer: ${show(json)}`);
      });
      await ctx.bad('createInvoice', 'amount', { customer_id: 'cus_42', amount: 'a lot' });
      await ctx.bad('createInvoice', 'customer_id', { amount: 3 });
      await ctx.bad('listInvoices', 'status', { status: 'bogus' });
    },
  },

  petstore: {
    describe: '@readme/oas-examples 3.0/json/petstore.json as published: api key and OAuth bearer, integer path, array query, JSON body',
    specs: () => {
      const file = specFile('readme-oas-examples', 'package', '3.0', 'json', 'petstore.json');
      return { gateway: file, prism: file };
    },
    server: {
      credential: 'petstore-key',
      // findPetsByStatus and addPet ask for petstore_auth (OAuth 2); Prism wants a bearer token.
      tools: { overrides: { findPetsByStatus: { credential: 'petstore-oauth' }, addPet: { credential: 'petstore-oauth' } } },
    },
    async run(ctx) {
      await ctx.ok('getPetById', 'integer path parameter, api key header', { petId: 12 }, (json, request) => {
        assert(typeof json?.name === 'string' && Array.isArray(json.photoUrls), `not a pet: ${show(json)}`);
        assert(request.path === '/pet/12', `Prism saw ${request.path}`);
      });
      await ctx.ok('findPetsByStatus', 'array query parameter (form, exploded), bearer credential from a tool override',
        { status: ['available', 'sold'] }, (json) => {
          assert(Array.isArray(json), `not a list of pets: ${show(json)}`);
        });
      await ctx.ok('placeOrder', 'JSON body', { petId: 3, quantity: 2, status: 'placed', complete: false }, (json) => {
        assert(typeof json?.status === 'string' && 'quantity' in json, `not an order: ${show(json)}`);
      });
      await ctx.ok('loginUser', 'query parameters, no security', { username: 'e2e', password: 'secret' });
      await ctx.ok('getOrderById', 'bounded integer path parameter', { orderId: 7 }, (json) => {
        assert(typeof json?.id === 'number', `not an order: ${show(json)}`);
      });
      await ctx.bad('getOrderById', 'orderId', { orderId: 'seven' });
      await ctx.bad('getOrderById', 'orderId', { orderId: 11 });
      await ctx.bad('placeOrder', 'status', { petId: 3, quantity: 1, status: 'lost' });
    },
  },

  styles: {
    describe: '@readme/oas-examples parameters-style.json, closed schemas: query form/pipeDelimited/deepObject, header simple',
    specs: (workDir) => {
      const file = parameterStylesSpec(specFile('readme-oas-examples', 'package', '3.0', 'json', 'parameters-style.json'), workDir);
      return { gateway: file, prism: file };
    },
    server: {},
    async run(ctx) {
      const value = { primitive: 'p', array: ['a', 'c'], object: { name: 'x', description: 'y' } };
      await ctx.ok('query_form_nonExploded', 'query form, explode false: array=a,c&object=name,x,description,y', value);
      await ctx.ok('query_form_exploded', 'query form, explode true: array=a&array=c&name=x&description=y', value);
      await ctx.ok('query_pipeDelimited_nonExploded', 'query pipeDelimited: array=a|c', { array: ['a', 'b', 'c'] });
      await ctx.ok('query_deepObject_nonExploded', 'query deepObject: object[name]=x&object[description]=y', { object: value.object });
      await ctx.ok('headers_simple_nonExploded', 'header simple, explode false: object: name,x,description,y', value);
      await ctx.ok('headers_simple_exploded', 'header simple, explode true: object: name=x,description=y', value);
      await ctx.bad('query_form_nonExploded', 'primitive', { ...value, primitive: 'q' });
      await ctx.bad('query_deepObject_nonExploded', 'description', { object: { name: 'x' } });
    },
  },

  github: {
    describe: "GitHub's REST API (@octokit/openapi, all 1,223 operations in the gateway; Prism mocks the called ones)",
    specs: (workDir) => {
      const file = specFile('octokit-openapi', 'package', 'generated', 'api.github.com.json');
      const trimmed = path.join(workDir, 'github-trimmed.json');
      fs.writeFileSync(trimmed, JSON.stringify(trimSpec(readJson(file), ['/repos/{owner}/{repo}', '/repos/{owner}/{repo}/issues'])));
      return { gateway: file, prism: trimmed };
    },
    server: {},
    async run(ctx) {
      await ctx.ok('repos/get', 'two path parameters', { owner: 'octocat', repo: 'hello-world' }, (json, request) => {
        assert(typeof json?.full_name === 'string' && typeof json.id === 'number', `not a repository: ${show(json)}`);
        assert(request.path === '/repos/octocat/hello-world', `Prism saw ${request.path}`);
      });
      await ctx.ok('issues/list-for-repo', 'query parameters', { owner: 'octocat', repo: 'hello-world', state: 'open', labels: 'bug,ui' },
        (json) => assert(Array.isArray(json), `not a list of issues: ${show(json)}`));
      await ctx.ok('issues/create', 'JSON body with oneOf members',
        { owner: 'octocat', repo: 'hello-world', title: 'Found a bug', body: 'Seen in e2e.', labels: ['bug'] },
        (json) => assert(typeof json?.number === 'number' && typeof json.title === 'string', `not an issue: ${show(json)}`));
      await ctx.bad('repos/get', 'owner', { owner: 42, repo: 'hello-world' });
      await ctx.bad('issues/list-for-repo', 'state', { owner: 'octocat', repo: 'hello-world', state: 'maybe' });
    },
  },
};

// --- the run ------------------------------------------------------------------------------------

function connect(url) {
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    reconnectionOptions: { maxRetries: 0, initialReconnectionDelay: 1000, maxReconnectionDelay: 1000, reconnectionDelayGrowFactor: 1 },
  });
  const client = new Client({ name: 'gatehouse-e2e-openapi-prism', version: '1.0.0' }, { capabilities: {} });
  return client.connect(transport).then(() => client);
}

async function listAllTools(client) {
  const tools = [];
  let cursor;
  for (let page = 0; page < 100; page++) {
    const answer = await client.listTools(cursor ? { cursor } : {}, { timeout: CALL_TIMEOUT_MS });
    tools.push(...answer.tools);
    cursor = answer.nextCursor;
    if (!cursor) return tools;
  }
  throw new Error('tools/list still had a nextCursor after 100 pages');
}

function context(name, client, tools, prism) {
  const tool = (operationId) => {
    const found = findTool(tools, operationId);
    assert(found, `no tool for operation ${operationId} (expected the name ${show(operationId)} in snake_case) among ` +
      `${tools.length} tools: ${show(tools.map((t) => t.name), 400)}`);
    return found;
  };
  const call = async (found, args) => {
    try {
      return await client.callTool({ name: found.name, arguments: args }, undefined, { timeout: CALL_TIMEOUT_MS });
    } catch (error) {
      throw new Error(`tools/call ${found.name} failed with a protocol error instead of a result: ${error.message}`);
    }
  };
  return {
    // The call succeeds, Prism received exactly one request for it and found it valid; expect
    // (optional) checks the answer's JSON and Prism's record of the request.
    async ok(operationId, what, args, expect) {
      await check(`${name}: ${operationId} (${what})`, async () => {
        const found = tool(operationId);
        const before = prism.requests.length;
        const result = await call(found, argumentsFor(found, args));
        const seen = (await prism.settled(before + 1)).slice(before);
        assert(seen.length === 1, `Prism received ${seen.length} requests for one call` +
          (seen.length ? `: ${show(seen.map((r) => `${r.method} ${r.path}`))}` : ''));
        const [request] = seen;
        assert(request.valid === true,
          `Prism rejected ${request.method} ${request.path}: ${request.errors.join('; ') || 'no reason logged'}` +
          ` (the gateway answered ${show(textOf(result))})`);
        assert(!result.isError, `the gateway answered isError: ${show(textOf(result))}`);
        if (verbose) console.log(`  ${request.method} ${request.path} -> ${show(textOf(result), 200)}`);
        const json = jsonOf(result);
        if (result.structuredContent !== undefined)
          assert(result.structuredContent && typeof result.structuredContent === 'object' && !Array.isArray(result.structuredContent),
            `structuredContent is not an object: ${show(result.structuredContent)}`);
        expect?.(json, request, result);
      });
    },
    // The gateway refuses the arguments itself: isError naming FIELD, and no request to Prism.
    async bad(operationId, field, args) {
      await check(`${name}: ${operationId} refuses ${show(args, 120)} naming "${field}" without calling the upstream`, async () => {
        const found = tool(operationId);
        const before = prism.requests.length;
        const result = await call(found, argumentsFor(found, args));
        await sleep(150); // Prism logs a request a moment after it arrived
        assert(prism.requests.length === before,
          `Prism received ${show(prism.requests.slice(before).map((r) => `${r.method} ${r.path}`))}: ` +
          'the gateway sent arguments upstream before validating them');
        assert(result.isError === true, `the gateway answered without isError: ${show(textOf(result))}`);
        const text = textOf(result);
        const squash = (text) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
        const property = Object.keys(found.inputSchema?.properties ?? {}).find((p) => squash(p) === squash(field)) ?? field;
        assert(text.includes(property), `the error does not name "${property}": ${show(text)}`);
        console.log(`  error: ${show(text, 200)}`);
      });
    },
  };
}

async function main() {
  const started = Date.now();
  const only = option('--only')?.split(',') ?? Object.keys(UPSTREAMS);
  for (const name of only) if (!UPSTREAMS[name]) throw new Error(`--only: no upstream "${name}" (${Object.keys(UPSTREAMS).join(', ')})`);
  const workDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'tmp', `openapi-prism-${process.pid}`);
  fs.mkdirSync(workDir, { recursive: true });
  const log = (prefix) => (line) => verbose && line.trim() && console.log(`[${prefix}] ${line}`);

  const running = [];
  let gatehouse;
  try {
    const specs = {};
    for (const name of only) specs[name] = UPSTREAMS[name].specs(workDir);

    // Prism instances and the gateway start side by side (Prism takes 2 to 4 s, the gateway as
    // long on GitHub's spec in a Debug build), so Prism's ports are chosen first.
    const ports = {};
    for (const name of only) ports[name] = await freePort();
    const prisms = {};
    const prismStarts = only.map(async (name) => {
      const prism = await startPrism({
        spec: specs[name].prism, name, port: ports[name], timeoutMs: STARTUP_TIMEOUT_MS, log: log(`prism ${name}`),
      });
      running.push(prism);
      prisms[name] = prism;
      console.log(`prism mock ${path.basename(specs[name].prism)} for ${name} at ${prism.url} (started in ${prism.startMs} ms)`);
    });

    const config = {
      gateway: { auth: { mode: 'none' } },
      servers: only.map((name) => ({
        name,
        openapi: specs[name].gateway,
        base_url: `http://127.0.0.1:${ports[name]}`,
        discovery: 'flat',
        ...UPSTREAMS[name].server,
      })),
      credentials: [
        { name: 'billing-key', type: 'api_key', in: 'header', param: 'X-API-Key', secret: { env: 'GATEHOUSE_E2E_BILLING_KEY' } },
        { name: 'petstore-key', type: 'api_key', in: 'header', param: 'api_key', secret: { env: 'GATEHOUSE_E2E_PETSTORE_KEY' } },
        { name: 'petstore-oauth', type: 'bearer', secret: { env: 'GATEHOUSE_E2E_PETSTORE_TOKEN' } },
      ],
    };
    const gatehouseStart = startGatehouse({
      binary: gatehouseBinary,
      config,
      dir: workDir,
      env: {
        GATEHOUSE_E2E_BILLING_KEY: 'e2e-billing-key',
        GATEHOUSE_E2E_PETSTORE_KEY: 'e2e-petstore-key',
        GATEHOUSE_E2E_PETSTORE_TOKEN: 'e2e-petstore-token',
      },
      timeoutMs: STARTUP_TIMEOUT_MS,
      log: log('gatehouse'),
    }).then((started) => {
      running.push(started);
      return started;
    });
    // allSettled first: whichever fails, the others are running and get stopped below.
    const starts = await Promise.allSettled([...prismStarts, gatehouseStart]);
    const failedStart = starts.find((start) => start.status === 'rejected');
    if (failedStart) throw failedStart.reason;
    gatehouse = await gatehouseStart;
    console.log(`gatehouse serve at ${gatehouse.baseUrl} (started in ${gatehouse.startMs} ms), config ${gatehouse.configFile}`);

    for (const name of only) {
      console.log(`--- ${name}: ${UPSTREAMS[name].describe}`);
      let client;
      let tools = [];
      await check(`${name}: connect and list the generated tools`, async () => {
        client = await connect(gatehouse.endpoint(name));
        const listStarted = Date.now();
        tools = await listAllTools(client);
        assert(tools.length > 0, `tools/list is empty: the gateway generated no tools from ${specs[name].gateway}`);
        for (const tool of tools) {
          assert(/^[A-Za-z0-9_-]{1,64}$/.test(tool.name), `invalid tool name ${show(tool.name)}`);
          assert(tool.inputSchema?.type === 'object', `${tool.name}'s inputSchema is not an object schema: ${show(tool.inputSchema)}`);
        }
        console.log(`  ${tools.length} tools in ${Date.now() - listStarted} ms`);
      });
      if (client && tools.length) await UPSTREAMS[name].run(context(name, client, tools, prisms[name]));
      await check(`${name}: every request Prism received passed its validation`, async () => {
        await prisms[name].settled();
        const invalid = prisms[name].requests.filter((request) => request.valid !== true);
        assert(!invalid.length, `Prism rejected ${show(invalid.map((r) => `${r.method} ${r.path}: ${r.errors.join('; ')}`), 800)}`);
        console.log(`  Prism received ${prisms[name].requests.length} requests, all valid`);
      });
      await client?.close().catch(() => {});
    }

    await check('gatehouse and every Prism ran throughout; gatehouse stops cleanly on SIGTERM', async () => {
      for (const name of only) assert(prisms[name].alive(), `Prism for ${name} exited: ${show(prisms[name].exitStatus())}`);
      assert(gatehouse.alive(), `gatehouse exited during the test: ${show(gatehouse.exitStatus())}`);
      const status = await gatehouse.stop();
      assert(!status.killed, 'gatehouse did not exit within 5 s of SIGTERM');
      assert(status.code === 0, `gatehouse exited with ${show(status)}`);
    });
  } finally {
    await Promise.all(running.map((child) => child.stop()));
    if (!flag('--keep')) fs.rmSync(workDir, { recursive: true, force: true });
    else console.log(`kept ${workDir}`);
  }
  const failed = results.filter((result) => !result.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return failed === 0 && results.length > 0 ? 0 : 1;
}

const deadline = setTimeout(() => {
  console.log(`FAIL the whole run took longer than ${DEADLINE_MS / 1000} s; stopping`);
  process.exit(1); // the exit handler of services.mjs kills the children
}, DEADLINE_MS);
deadline.unref();

main().then(
  (code) => process.exit(code),
  (error) => {
    console.log(`FAIL ${error?.message ?? error}`);
    if (verbose) console.error(error?.stack);
    const failed = results.filter((result) => !result.ok).length + 1;
    console.log(`${results.length - failed + 1} passed, ${failed} failed`);
    process.exit(1);
  },
);
