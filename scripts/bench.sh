#!/usr/bin/env bash
# `npm run bench`: bundle the planner benchmark and run it under this machine's node and Node 24.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
out=.tools/bench
npx ncc build scripts/bench-plan.ts -o "$out" --quiet
nodes=("$(command -v node)")
[ -x .tools/node24/node_modules/.bin/node ] && nodes+=("$PWD/.tools/node24/node_modules/.bin/node")
for node in "${nodes[@]}"; do
  "$node" "$out/index.js" "$PWD" "$node"
done
