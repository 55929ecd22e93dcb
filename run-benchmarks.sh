#!/usr/bin/env bash
# Runs every benchmark (bounded, loopback only) and writes benchmarks/target/bench/results.{json,md}.
# ./run-benchmarks.sh --smoke runs each with tiny counts (seconds), to check they still work;
# --only=presign|api|renditions|processor|wall|export runs one section.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v wrk >/dev/null 2>&1; then
  echo "installing wrk (the HTTP load generator) ..."
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk; else sudo apt-get update -qq && sudo apt-get install -y -qq wrk; fi
fi
./mvnw -q -B install -DskipTests -pl benchmarks -am
mode=--full
only=
for arg in "$@"; do
  case "$arg" in
    --smoke) mode=--smoke ;;
    --only=*) only="$arg" ;;
    *) echo "usage: ./run-benchmarks.sh [--smoke] [--only=presign|api|renditions|processor|wall|export]" >&2; exit 2 ;;
  esac
done
# the wall benchmark's 200 subscribers all come from 127.0.0.1: room above the event server's per-source cap (200)
export EVENT_PHOTOS_LIVE_MAX_CONNECTIONS_PER_SOURCE="${EVENT_PHOTOS_LIVE_MAX_CONNECTIONS_PER_SOURCE:-400}"
exec ./mvnw -q -B -pl benchmarks exec:exec -Dbench.mode="$mode" -Dbench.only="${only:---all}"
