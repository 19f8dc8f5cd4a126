#!/usr/bin/env bash
# Sets eventmill up on a fresh Debian bookworm machine and runs every check CI runs:
#  1. a build with warnings as errors and the whole test suite (ctest);
#  2. the benchmark, once, as a smoke test (numbers are recorded with docs/PERFORMANCE.md);
#  3. clang-format over every C++ file;
#  4. the test suite again, built with AddressSanitizer and UndefinedBehaviorSanitizer;
#  5. each libFuzzer target for a short run (EVENTMILL_FUZZ_SECONDS, default 10 s each).
# Set EVENTMILL_SKIP_SANITIZERS=1 to skip steps 4 and 5 on a quick local run.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
jobs=$(nproc)

echo "== build (warnings as errors) and tests"
cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEVENTMILL_WERROR=ON >/dev/null
cmake --build build-test -j "$jobs"
ctest --test-dir build-test --output-on-failure -j "$jobs"

echo "== benchmark smoke run"
./build-test/bench/pipeline_bench --shared ../shared --benchmark_filter=BM_PipelineWikinews \
  --benchmark_min_time=0.01 >/dev/null

echo "== clang-format"
git ls-files '*.cc' '*.h' | xargs clang-format --dry-run --Werror

if [ "${EVENTMILL_SKIP_SANITIZERS:-0}" != 1 ]; then
  echo "== tests under AddressSanitizer and UndefinedBehaviorSanitizer"
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++ \
    -DEVENTMILL_WERROR=ON -DEVENTMILL_SANITIZE=ON -DEVENTMILL_FUZZ=ON -DEVENTMILL_BUILD_BENCHMARKS=OFF >/dev/null
  cmake --build build-asan -j "$jobs"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j "$jobs"

  echo "== fuzzers, ${EVENTMILL_FUZZ_SECONDS:-10} s each"
  for target in fuzz_reader fuzz_pipeline fuzz_loaders; do
    corpus=$(mktemp -d)
    case $target in
      fuzz_loaders) cp tests/fuzz/corpus/loaders/* "$corpus"/ ;;
      *) cp tests/fuzz/corpus/reader/* "$corpus"/ ;;
    esac
    status=0
    ASAN_OPTIONS=detect_leaks=1 ./build-asan/tests/fuzz/$target "$corpus" -max_total_time="${EVENTMILL_FUZZ_SECONDS:-10}" \
      -max_len=65536 -rss_limit_mb=4096 -print_final_stats=1 > "$corpus.log" 2>&1 || status=$?
    grep -E "^stat::number_of_executed_units" "$corpus.log" | sed "s/^/$target: /" || true
    [ "$status" -eq 0 ] || { tail -40 "$corpus.log"; echo "fuzzer $target failed"; exit 1; }
    rm -rf "$corpus" "$corpus.log"
  done
fi
echo "== all checks passed"
