#!/usr/bin/env bash
# Runs the whole event-photos system on loopback: no AWS account, no Docker needed. Ctrl-C stops everything.
# Ports: EVENT_PHOTOS_{API,S3,DYNAMODB,KEYCLOAK,CDN,LAMBDA,WEB}_PORT (defaults 8080 4568 8000 8180 8090 9001 5173).
set -euo pipefail
cd "$(dirname "$0")"

stamp=local-stack/target/.local-build-stamp
changed=""
if [ -f "$stamp" ]; then
  changed=$(find pom.xml ./*/pom.xml ./*/src local-emulators/node/package-lock.json local-emulators/node/s3-server.js \
    -newer "$stamp" -print -quit 2>/dev/null || true)
fi
if [ ! -f "$stamp" ] || [ -n "$changed" ]; then
  echo "building the API, the processor and the local stack (the first build downloads dependencies and Keycloak) ..."
  ./mvnw -q -B install -DskipTests -pl local-stack -am
  touch "$stamp"
fi
exec ./mvnw -q -B -pl local-stack exec:java
