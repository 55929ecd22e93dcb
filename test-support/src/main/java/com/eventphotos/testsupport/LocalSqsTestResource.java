package com.eventphotos.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.eventphotos.emulators.LocalS3Server;
import com.eventphotos.emulators.LocalSqs;
import com.eventphotos.emulators.RepositoryPaths;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at a real SQS API server (ElasticMQ) with the export queue and its dead-letter queue.
 * One server serves every test of a JVM; it stops when the JVM exits.
 */
public class LocalSqsTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String QUEUE = "export-photos-test";
    public static final String DEAD_LETTERS = "export-photos-test-dead-letters";

    private static LocalSqs server;

    public static synchronized LocalSqs server() {
        if (server == null) {
            server = LocalSqs.start(
                    0,
                    RepositoryPaths.targetDir("local-sqs"),
                    List.of(
                            new LocalSqs.Queue(QUEUE, Duration.ofSeconds(30), DEAD_LETTERS, 5),
                            LocalSqs.Queue.plain(DEAD_LETTERS)));
        }
        return server;
    }

    @Override
    public Map<String, String> start() {
        LocalSqs sqs = server();
        return Map.of(
                "quarkus.sqs.endpoint-override", sqs.endpoint().toString(),
                "quarkus.sqs.aws.region", LocalS3Server.REGION.id(),
                "quarkus.sqs.aws.credentials.type", "static",
                "quarkus.sqs.aws.credentials.static-provider.access-key-id", LocalSqs.ANY_CREDENTIALS.accessKeyId(),
                "quarkus.sqs.aws.credentials.static-provider.secret-access-key",
                        LocalSqs.ANY_CREDENTIALS.secretAccessKey(),
                "event-photos.export-queue-url", sqs.queueUrl(QUEUE));
    }

    @Override
    public void stop() {
        // shared across test profiles; the JVM shutdown hook stops the process
    }
}
