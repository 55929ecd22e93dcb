package com.eventphotos.emulators;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalSqsTest {

    private static LocalSqs sqs;
    private static SqsClient client;

    @BeforeAll
    static void start() {
        sqs = LocalSqs.start(
                0,
                RepositoryPaths.targetDir("local-sqs-test"),
                List.of(
                        new LocalSqs.Queue("jobs", Duration.ofSeconds(1), "jobs-dead", 2),
                        LocalSqs.Queue.plain("jobs-dead")));
        client = sqs.newClient();
    }

    @AfterAll
    static void stop() {
        client.close();
        sqs.close();
    }

    @Test
    void messageNotDeleted_isDeliveredAgain_thenMovesToTheDeadLetterQueue() throws InterruptedException {
        client.sendMessage(m -> m.queueUrl(sqs.queueUrl("jobs")).messageBody("{\"n\":1}"));

        Message first = receive("jobs");
        assertEquals("{\"n\":1}", first.body());
        assertEquals("1", first.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
        Thread.sleep(1_200);
        Message second = receive("jobs");
        assertEquals("2", second.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
        Thread.sleep(1_200);

        assertTrue(client.receiveMessage(r -> r.queueUrl(sqs.queueUrl("jobs")).waitTimeSeconds(1))
                .messages()
                .isEmpty());
        assertEquals("{\"n\":1}", receive("jobs-dead").body());
    }

    private static Message receive(String queue) {
        List<Message> messages = client.receiveMessage(r -> r.queueUrl(sqs.queueUrl(queue))
                        .waitTimeSeconds(5)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                .messages();
        assertEquals(1, messages.size(), "one message on " + queue);
        return messages.get(0);
    }
}
