#!/usr/bin/env bash
# Bring up the real infrastructure the end-to-end tests use (idempotent, needs root):
#   - dockerd, a Distribution registry on 127.0.0.1:5000, and the base images
#     127.0.0.1:5000/debian:bookworm made with debootstrap (no Docker Hub here) and
#     127.0.0.1:5000/debian-torch:bookworm with Debian's CPU torch (python3-torch), for the
#     smoke tests;
#   - BuildKit v0.25 built from Debian's packaged sources, with the buildx plugin, as
#     the buildx "remote" builder bk-remote (the docker-container driver cannot run here);
#   - apache2-utils, for the password-protected registry one test starts;
#   - linux/arm64 builds and runs through QEMU user-mode emulation (binfmt_misc), a linux/arm64
#     Debian base 127.0.0.1:5000/debian:bookworm-arm64 and the two-platform index
#     127.0.0.1:5000/debian-multi:bookworm, for the multi-platform tests; and Debian's CPU torch
#     for linux/arm64 (built under emulation once, ~11 minutes, then kept in the registry) in the
#     two-platform index 127.0.0.1:5000/debian-torch-multi:bookworm, for the arm64 smoke test.
# The scripts that do the work live in the project's shared tools (../shared/tools).
set -euo pipefail
cd "$(dirname "$0")/.."
tools=${GIM_SHARED_TOOLS:-../shared/tools}
if [ ! -x "$tools/local-infra.sh" ] && [ ! -f "$tools/local-infra.sh" ]; then
  echo "scripts/infra.sh: $tools/local-infra.sh not found; the end-to-end tests need the project's shared infrastructure scripts" >&2
  exit 1
fi
log() { printf '[infra %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }

export DEBIAN_FRONTEND=noninteractive
if ! dpkg-query -W -f='${Status}' apache2-utils 2>/dev/null | grep -q 'install ok installed'; then
  log "apt: apache2-utils (htpasswd)"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends apache2-utils >/dev/null
fi
# One after the other: both scripts use apt.
log "dockerd, registry, base images"
WITH_TORCH=1 PUSH_TORCH=1 bash "$tools/local-infra.sh" up
log "BuildKit and the buildx remote builder"
bash "$tools/buildkit-from-debian.sh"
docker buildx inspect bk-remote >/dev/null
log "linux/arm64: emulation, base image and two-platform index"
bash "$tools/arm64-base.sh" up
reg=127.0.0.1:5000
has_tag() { curl -sf "http://$reg/v2/$1/tags/list" | grep -q "\"$2\""; }
if ! has_tag debian-torch bookworm-arm64; then
  log "linux/arm64 torch: python3-torch from Debian under emulation (~11 min, once)"
  ctx=$(mktemp -d)
  printf '%s\n' 'ARG BASE_IMAGE' 'FROM ${BASE_IMAGE}' \
    'RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3-torch && rm -rf /var/lib/apt/lists/*' \
    >"$ctx/Dockerfile"
  docker buildx build --builder bk-remote --platform linux/arm64 --provenance=false \
    --build-arg BASE_IMAGE="$reg/debian:bookworm-arm64" --push -t "$reg/debian-torch:bookworm-arm64" "$ctx" >/dev/null 2>&1 \
    || { log "the linux/arm64 torch image did not build"; exit 1; }
  rm -rf "$ctx"
fi
if ! has_tag debian-torch-multi bookworm; then
  log "index $reg/debian-torch-multi:bookworm = debian-torch:bookworm (amd64) + debian-torch:bookworm-arm64"
  docker buildx imagetools create --builder bk-remote -t "$reg/debian-torch-multi:bookworm" \
    "$reg/debian-torch:bookworm" "$reg/debian-torch:bookworm-arm64" >/dev/null
fi
log "infrastructure up"
