#!/usr/bin/env bash
# `npm run bench:build` / `npm run bench:repro`: a benchmark that needs the local infrastructure
# (brought up first), bundled with ncc and run with plain node. Usage: bench-on-infra.sh build|repro|custom|layers|platforms|prune|compression|duplicates
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: bench-on-infra.sh build|repro|custom}
[ -f "scripts/bench-$name.ts" ] || { echo "no benchmark scripts/bench-$name.ts" >&2; exit 2; }
[ -d node_modules ] || npm ci --no-audit --no-fund
bash scripts/infra.sh >/dev/null
out=.tools/bench-$name
npx ncc build "scripts/bench-$name.ts" -o "$out" --quiet
node "$out/index.js" "$PWD"
