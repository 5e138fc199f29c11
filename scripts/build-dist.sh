#!/usr/bin/env bash
# Bundle the action (dist/index.js) and the CLI (dist/cli/index.js) with ncc.
# Both bundles are committed; CI rebuilds them and fails on any difference.
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsc --noEmit -p .
rm -rf dist
npx ncc build src/index.ts -o dist --license licenses.txt --quiet
npx ncc build src/cli.ts -o dist/cli --quiet
chmod +x dist/cli/index.js
