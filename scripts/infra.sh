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
#     127.0.0.1:5000/debian-multi:bookworm, for the multi-platform tests.
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
log "infrastructure up"
