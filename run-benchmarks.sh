#!/usr/bin/env bash
# Runs every benchmark (bounded, loopback only) and writes benchmarks/target/bench/results.{json,md}.
# ./run-benchmarks.sh --smoke runs each with tiny counts (seconds), to check they still work.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v wrk >/dev/null 2>&1; then
  echo "installing wrk (the HTTP load generator) ..."
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk; else sudo apt-get update -qq && sudo apt-get install -y -qq wrk; fi
fi
./mvnw -q -B install -DskipTests -pl benchmarks -am
mode=--full
[ "${1:-}" = "--smoke" ] && mode=--smoke
exec ./mvnw -q -B -pl benchmarks exec:exec -Dbench.mode="$mode"
