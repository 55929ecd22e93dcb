package com.eventphotos.testsupport;

import java.util.Map;

import com.eventphotos.emulators.LocalS3Server;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at a real, signature-checking S3 server with the test bucket created.
 * One server serves every test (and test profile) of a JVM; it stops when the JVM exits.
 */
public class LocalS3ServerTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String BUCKET = "event-photos-test";

    private static LocalS3Server server;

    public static synchronized LocalS3Server server() {
        if (server == null) {
            server = LocalS3Server.builder().start();
            server.createBucket(BUCKET);
        }
        return server;
    }

    @Override
    public Map<String, String> start() {
        LocalS3Server s3 = server();
        return Map.of(
                "quarkus.s3.endpoint-override", s3.endpoint().toString(),
                "quarkus.s3.path-style-access", "true",
                "quarkus.s3.aws.region", LocalS3Server.REGION.id(),
                "quarkus.s3.aws.credentials.type", "static",
                "quarkus.s3.aws.credentials.static-provider.access-key-id", s3.accessKeyId(),
                "quarkus.s3.aws.credentials.static-provider.secret-access-key", s3.secretAccessKey(),
                "event-photos.bucket", BUCKET);
    }

    @Override
    public void stop() {
        // Shared across test profiles; the JVM shutdown hook stops the process.
    }
}
