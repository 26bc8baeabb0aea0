// Starts gatehouse_fixture_gateway on a free port for an end-to-end test and stops it with SIGTERM.
import { spawn } from 'node:child_process';

const STARTUP_TIMEOUT_MS = 15000;
const STOP_TIMEOUT_MS = 5000;

// Worker threads for the gateway unless --workers N says otherwise: more than one, as on any
// multi-core machine, so that a session's requests may reach different workers.
const DEFAULT_WORKERS = '2';

function option(argv, name) {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
}

// From the command line: --gateway PATH (or $GATEHOUSE_FIXTURE_GATEWAY) and --workers N.
export function gatewayOptions(argv = process.argv.slice(2)) {
  const binary = option(argv, '--gateway') ?? process.env.GATEHOUSE_FIXTURE_GATEWAY;
  if (!binary) {
    console.error('usage: node SCRIPT --gateway PATH/gatehouse_fixture_gateway [--workers N]');
    process.exit(2);
  }
  return { binary, workers: option(argv, '--workers') ?? DEFAULT_WORKERS };
}

// Resolves to { port, url, alive(), stop() } once the gateway printed "listening on PORT".
export function startGateway({ binary, workers = DEFAULT_WORKERS },
  { log = (line) => console.log(`[gateway] ${line}`) } = {}) {
  const child = spawn(binary, ['--port', '0', '--workers', String(workers)],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let exited = null;
  const exitedPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    });
  });
  // Never leave the gateway running when this script ends early.
  const killOnExit = () => child.exitCode === null && child.kill('SIGKILL');
  process.on('exit', killOnExit);

  const forward = (stream) => {
    let buffer = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      buffer += chunk;
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        stream.emit('line', line);
        if (line.trim()) log(line);
      }
    });
  };
  forward(child.stdout);
  forward(child.stderr);

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${binary} did not print "listening on PORT" within ${STARTUP_TIMEOUT_MS} ms`));
    }, STARTUP_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot start ${binary}: ${error.message}`));
    });
    exitedPromise.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`${binary} exited before listening (code ${code}, signal ${signal})`));
    });
    child.stdout.on('line', (line) => {
      const match = /^listening on (\d+)/.exec(line);
      if (!match) return;
      clearTimeout(timer);
      const port = Number(match[1]);
      resolve({
        port,
        url: `http://127.0.0.1:${port}/mcp/fixture`,
        pid: child.pid,
        alive: () => exited === null,
        exitStatus: () => exited,
        // SIGTERM, then SIGKILL if it has not exited in time. Resolves to { code, signal, killed }.
        async stop() {
          process.off('exit', killOnExit);
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
      });
    });
  });
}
