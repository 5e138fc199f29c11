#!/usr/bin/env bash
# `npm run bench:repro`: the reproducibility-check benchmark on the local infrastructure.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
bash scripts/infra.sh >/dev/null
out=.tools/bench-repro
npx ncc build scripts/bench-repro.ts -o "$out" --quiet
node "$out/index.js" "$PWD"
