#!/usr/bin/env bash
# `npm run bench:build`: the build benchmark on the local infrastructure (brought up first).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
bash scripts/infra.sh >/dev/null
out=.tools/bench-build
npx ncc build scripts/bench-build.ts -o "$out" --quiet
node "$out/index.js" "$PWD"
