#!/usr/bin/env bash
# `npm run bench:fuzz`: bundle the fuzz run (issue 17) and run it; arguments go to it, e.g.
#   npm run bench:fuzz -- --seed 1 --cases 10000 --family tar,index
# Exits 1 when a case ends in a bug, a hang or running out of memory; results in .tools/fuzz-results.json.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
out=.tools/fuzz
# Transpile only: `npm run typecheck` checks the types, and a test file half-edited must not stop a fuzz run.
# The source map puts src/ file and line into the stack of each bug found.
npx ncc build scripts/fuzz.ts -o "$out" --quiet --transpile-only --source-map
node=node
[ -x .tools/node24/node_modules/.bin/node ] && node="$PWD/.tools/node24/node_modules/.bin/node"
exec "$node" "$out/index.js" "$@"
