#!/usr/bin/env bash
# Installs the Debian packages eventmill needs to build, test and benchmark.
# Idempotent: packages already installed are not fetched again. Needs root (or sudo).
set -euo pipefail

packages=(
  g++ cmake ninja-build           # build
  nlohmann-json3-dev              # JSON input
  libgtest-dev libgmock-dev       # tests
  libbenchmark-dev                # benchmarks
  clang clang-format              # format check; sanitizer and fuzzer builds
  libclang-rt-dev                 # clang's sanitizer runtimes
  python3                         # command-line tests (Debian's /usr/bin/python3)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
echo "install-deps: installing ${missing[*]}"
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
