#!/usr/bin/env bash
# The README's test command (`npm test`): installs and starts what the tests need on a
# fresh machine, then runs the whole suite once.
#   - dockerd, a registry, BuildKit with buildx, base images (scripts/infra.sh; needs root)
#   - npm dependencies (npm ci, when node_modules is missing or older than the lock file)
#   - Node 24 from the npm package node@24, into .tools/node24: the action runs on node24,
#     so the bundles in dist/ are tested under it as well as under this machine's node
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

bash scripts/infra.sh

NODE24_VERSION=24.9.0
NODE24_DIR=.tools/node24
NODE24_BIN="$PWD/$NODE24_DIR/node_modules/.bin/node"
if [ ! -x "$NODE24_BIN" ] || [ "$("$NODE24_BIN" --version)" != "v$NODE24_VERSION" ]; then
  rm -rf "$NODE24_DIR"
  mkdir -p "$NODE24_DIR"
  echo '{"private": true}' > "$NODE24_DIR/package.json"
  npm install --no-audit --no-fund --prefix "$NODE24_DIR" "node@$NODE24_VERSION"
fi
echo "Node 24 for the bundle tests: $("$NODE24_BIN" --version) ($NODE24_BIN)"
export NODE24_BIN

report=.tools/vitest-report.json
rm -f "$report"
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json="$report" "$@" || status=$?
# One plain closing line, whatever the reporter printed above it.
if [ -f "$report" ]; then
  node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);' "$report"
fi
exit "$status"
