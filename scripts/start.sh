#!/usr/bin/env bash
# `npm start`: the main job on the embedded default.
#  1. Plans examples/matrix.yml and prints the table (needs nothing but node).
#  2. Where a Docker engine, the buildx builder bk-remote and the local registry with the torch
#     base image are reachable (scripts/infra.sh brings them up), runs the pipeline end to end on
#     examples/local: plan -> build -> push to 127.0.0.1:5000 -> CPU-mode smoke test.
#     Elsewhere it stops after the plan and says what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
cli=dist/cli/index.js

echo "== plan: examples/matrix.yml"
node "$cli" plan --matrix examples/matrix.yml --format table

missing=()
docker info >/dev/null 2>&1 || missing+=("a Docker engine (docker info fails)")
docker buildx inspect bk-remote >/dev/null 2>&1 || missing+=("the buildx builder bk-remote")
curl -fsS -o /dev/null -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
  http://127.0.0.1:5000/v2/debian-torch/manifests/bookworm 2>/dev/null ||
  missing+=("the registry on 127.0.0.1:5000 with debian-torch:bookworm")
if [ ${#missing[@]} -gt 0 ]; then
  echo
  echo "Stopping after the plan: the local build and smoke test need ${missing[*]}."
  echo "Bring them up with: sudo bash scripts/infra.sh"
  exit 0
fi

echo
echo "== all: build, push to 127.0.0.1:5000/gim-demo/pytorch, CPU smoke test (examples/local)"
node "$cli" all --matrix examples/local/matrix.yml --compat-file examples/local/compat.json \
  --image 127.0.0.1:5000/gim-demo/pytorch --push --builder bk-remote \
  --expect-gpu false --smoke true --format table
