#!/usr/bin/env bash
# Sets eventmill up on a fresh Debian bookworm machine and runs the main job: builds the
# eventmill command and codes the example articles (and the seed articles in ../shared when
# they are there) into events, written to build/events.jsonl.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target eventmill_cli

inputs=(examples)
[ -d ../shared/seeds ] && inputs+=(../shared/seeds)
./build/eventmill code "${inputs[@]}" > build/events.jsonl
echo "quickstart: events written to build/events.jsonl; the first three:"
head -n 3 build/events.jsonl
