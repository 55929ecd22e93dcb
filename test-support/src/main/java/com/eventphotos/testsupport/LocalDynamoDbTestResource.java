package com.eventphotos.testsupport;

import java.util.Map;

import com.eventphotos.emulators.LocalDynamoDb;
import com.eventphotos.emulators.LocalS3Server;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at DynamoDB Local with the photo and events tables created. One server per JVM,
 * shared by every test class and profile; tests keep apart by using their own event ids.
 */
public class LocalDynamoDbTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String TABLE = "event-photos-test";
    /** The API's events table (its {@code %test} profile names it; the processor never uses it). */
    public static final String EVENTS_TABLE = "event-photos-test-events";
    /** The export jobs' table (the API's and the export worker's). */
    public static final String EXPORTS_TABLE = "event-photos-test-exports";

    private static LocalDynamoDb dynamoDb;

    public static synchronized LocalDynamoDb dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = LocalDynamoDb.start(0);
            dynamoDb.createPhotoTable(TABLE);
            dynamoDb.createEventTable(EVENTS_TABLE);
            dynamoDb.createExportTable(EXPORTS_TABLE);
            Runtime.getRuntime().addShutdownHook(new Thread(dynamoDb::close));
        }
        return dynamoDb;
    }

    @Override
    public Map<String, String> start() {
        LocalDynamoDb dynamo = dynamoDb();
        return Map.of(
                "quarkus.dynamodb.endpoint-override", dynamo.endpoint().toString(),
                "quarkus.dynamodb.aws.region", LocalS3Server.REGION.id(),
                "quarkus.dynamodb.aws.credentials.type", "static",
                "quarkus.dynamodb.aws.credentials.static-provider.access-key-id",
                        LocalDynamoDb.ANY_CREDENTIALS.accessKeyId(),
                "quarkus.dynamodb.aws.credentials.static-provider.secret-access-key",
                        LocalDynamoDb.ANY_CREDENTIALS.secretAccessKey(),
                "event-photos.table", TABLE);
    }

    @Override
    public void stop() {
        // Shared across test profiles; stopped by the JVM shutdown hook.
    }
}
