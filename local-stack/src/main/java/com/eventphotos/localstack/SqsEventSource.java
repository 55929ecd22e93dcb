package com.eventphotos.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Lambda's SQS event source mapping on loopback: long-polls the queue, invokes the function with one message (batch
 * size 1) as an SQS event, and deletes the message unless the function failed or listed it in
 * {@code batchItemFailures}; a message it keeps becomes visible again after the queue's visibility timeout, and the
 * queue moves it to its dead-letter queue after its maximum receive count, as in AWS.
 */
final class SqsEventSource implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final LocalLambdaRuntime runtime;
    private final Thread poller;
    private volatile boolean closed;

    SqsEventSource(SqsClient sqs, String queueUrl, String queueArn, LocalLambdaRuntime runtime) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.runtime = runtime;
        this.poller = new Thread(this::poll, "sqs-event-source");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        while (!closed) {
            try {
                for (Message message : sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                                .maxNumberOfMessages(1)
                                .waitTimeSeconds(5)
                                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                        .messages()) {
                    deliver(message);
                }
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                runtime.note("SQS poll failed: " + e.getMessage());
                sleep(1000);
            }
        }
    }

    private void deliver(Message message) {
        String response;
        try {
            response = runtime.invoke(event(message)).get();
        } catch (ExecutionException e) {
            return; // failed: the message comes back after the visibility timeout
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!failedItems(response).contains(message.messageId())) {
            sqs.deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
        }
    }

    /** The event Lambda's SQS poller sends: one record per message. */
    private String event(Message message) {
        ObjectNode record = JSON.createObjectNode()
                .put("messageId", message.messageId())
                .put("receiptHandle", message.receiptHandle())
                .put("body", message.body())
                .put("eventSource", "aws:sqs")
                .put("eventSourceARN", queueArn)
                .put("awsRegion", "us-east-1");
        record.putObject("attributes")
                .put(
                        "ApproximateReceiveCount",
                        message.attributes().getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"));
        ObjectNode event = JSON.createObjectNode();
        event.putArray("Records").add(record);
        return event.toString();
    }

    private static Set<String> failedItems(String response) {
        Set<String> failed = new HashSet<>();
        try {
            JsonNode failures = JSON.readTree(response).path("batchItemFailures");
            failures.forEach(
                    failure -> failed.add(failure.path("itemIdentifier").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException("the function's response is not JSON: " + e.getMessage(), e);
        }
        return failed;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        poller.interrupt();
    }
}
