#!/usr/bin/env bash
# `npm run bench:verify`: bundle the verify benchmark and run it (needs the local registry: scripts/infra.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
out=.tools/bench-verify
npx ncc build scripts/bench-verify.ts -o "$out" --quiet
node "$out/index.js"
