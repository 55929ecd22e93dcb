#!/usr/bin/env bash
# Sends the S3 events the processor gave up on (the FailedEventsQueue) back to the processor, once the cause is
# fixed. Safe to run more than once: processing is idempotent (records are ordered by the S3 sequencer).
#
#   infra/scripts/redrive-dead-letters.sh <FailedEventsQueue URL> <ProcessorFunction ARN>   (both: stack outputs)
#
# Needs the AWS CLI v2 and jq. A message is deleted only after Lambda accepted its event again.
set -euo pipefail

queue_url=${1:?usage: $0 <FailedEventsQueue URL> <ProcessorFunction ARN>}
function_arn=${2:?usage: $0 <FailedEventsQueue URL> <ProcessorFunction ARN>}
redriven=0

while true; do
  messages=$(aws sqs receive-message --queue-url "$queue_url" --max-number-of-messages 10 \
    --wait-time-seconds 2 --visibility-timeout 60 --output json)
  [[ -z "$messages" ]] && break # the CLI prints nothing when the queue is empty
  count=$(jq '.Messages // [] | length' <<<"$messages")
  [[ "$count" == "0" ]] && break
  for i in $(seq 0 $((count - 1))); do
    body=$(jq -r ".Messages[$i].Body" <<<"$messages")
    receipt=$(jq -r ".Messages[$i].ReceiptHandle" <<<"$messages")
    # Lambda's on-failure destination wraps the original event: {"requestPayload": <the S3 event>, ...}
    payload=$(jq -c '.requestPayload // .' <<<"$body")
    aws lambda invoke --function-name "$function_arn" --invocation-type Event \
      --cli-binary-format raw-in-base64-out --payload "$payload" /dev/null >/dev/null
    aws sqs delete-message --queue-url "$queue_url" --receipt-handle "$receipt"
    redriven=$((redriven + 1))
  done
done
echo "redrove $redriven event(s) to $function_arn"
