#!/usr/bin/env bash
# Deploys event-photos to the AWS account of your shell's credentials (docs/deployment.md).
#
#   ./deploy.sh [--stage NAME] [--dry-run] [key=value ...]
#
#   --stage NAME  dev (default), prod (adds access logs), or any name: part of the stack's name
#   --dry-run     everything but the deploy: build, synthesize, cdk-nag (fails on an unsuppressed error) and
#                 cfn-lint (when on the PATH); needs no AWS credentials
#   key=value     CDK context, e.g. webOrigins=https://photos.example.com alarmEmail=ops@example.com
set -euo pipefail
cd "$(dirname "$0")"

# The CLI this CDK library version needs (the npm default, 3.x, rejects its cloud-assembly schema).
CDK_CLI=aws-cdk@2.1148.1

stage=dev
dry_run=false
context=()
while [ $# -gt 0 ]; do
  case "$1" in
    --stage) stage="${2:?--stage needs a name}"; shift 2 ;;
    --stage=*) stage="${1#--stage=}"; shift ;;
    --dry-run) dry_run=true; shift ;;
    *=*) context+=(-c "$1"); shift ;;
    *) echo "deploy.sh: unknown argument '$1' (usage: ./deploy.sh [--stage NAME] [--dry-run] [key=value ...])" >&2
       exit 2 ;;
  esac
done

echo "== building the processor (function.zip, libvips layer), the export worker, the API's OpenAPI document and infra"
./mvnw -B -q install -DskipTests -pl process-uploaded-photo,export-photos,initiate-upload-api,infra -am
echo "== building the API as a Lambda (initiate-upload-api/target/lambda/function.zip)"
./mvnw -B -q package -DskipTests -Plambda -pl initiate-upload-api

out=infra/target/cdk.out
cdk=(npx --yes "$CDK_CLI")
export CDK_DISABLE_CLI_TELEMETRY=true
if $dry_run; then
  echo "== synthesizing stage $stage (cdk-nag AwsSolutions checks run during synthesis)"
  (cd infra && "${cdk[@]}" synth --no-notices --quiet -o target/cdk.out -c stage="$stage" "${context[@]}")
  template="$out/EventPhotos-$stage.template.json"
  [ -f "$template" ] || { echo "deploy.sh: no template at $template" >&2; exit 1; }
  if command -v cfn-lint >/dev/null 2>&1; then
    echo "== cfn-lint $(cfn-lint --version 2>&1 | head -1) on $template"
    set +e
    cfn-lint --format parseable "$template"
    rc=$?
    set -e
    # cfn-lint's exit code is a bit mask: 2 errors, 4 warnings, 8 informational; 1 means it could not run
    if [ $((rc & 3)) -ne 0 ]; then
      echo "deploy.sh: cfn-lint found errors (exit code $rc)" >&2
      exit 1
    fi
    echo "cfn-lint: no errors$([ $((rc & 4)) -ne 0 ] && echo ', warnings listed above')"
  else
    echo "cfn-lint is not on the PATH: template lint skipped (pip install cfn-lint to run it)"
  fi
  echo "dry run done: $template"
else
  (cd infra && "${cdk[@]}" deploy --no-notices -o target/cdk.out -c stage="$stage" "${context[@]}")
fi
