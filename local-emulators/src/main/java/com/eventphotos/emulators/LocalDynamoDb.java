package com.eventphotos.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.eventphotos.contract.EventTable;
import com.eventphotos.contract.PhotoTable;
import com.eventphotos.contract.export.ExportTable;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * DynamoDB Local, in this JVM, in memory, on a loopback port. It accepts any credentials
 * ({@code -sharedDb}: every client sees the same tables).
 */
public final class LocalDynamoDb implements AutoCloseable {

    /** DynamoDB Local checks nothing; these only satisfy the SDK's signer. */
    public static final AwsBasicCredentials ANY_CREDENTIALS = AwsBasicCredentials.create("local", "local");

    private final DynamoDBProxyServer server;
    private final URI endpoint;

    private LocalDynamoDb(DynamoDBProxyServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    /** In memory. @param port 0 picks a free port */
    public static LocalDynamoDb start(int port) {
        return start(port, null);
    }

    /**
     * @param port 0 picks a free port (see {@link LoopbackPorts}: DynamoDB Local must be told its port)
     * @param dataDir where tables persist across restarts; null keeps them in memory
     */
    public static LocalDynamoDb start(int port, Path dataDir) {
        return port == 0 ? start(LoopbackPorts::candidate, dataDir) : startOn(port, dataDir);
    }

    /** On the first of {@code portCandidates} that is still free when DynamoDB Local binds it. */
    public static LocalDynamoDb start(IntSupplier portCandidates, Path dataDir) {
        return LoopbackPorts.startOnFreePort("DynamoDB Local", portCandidates, port -> startOn(port, dataDir));
    }

    private static LocalDynamoDb startOn(int port, Path dataDir) {
        useBundledSqliteNatives();
        List<String> args = new ArrayList<>(
                dataDir == null ? List.of("-inMemory") : List.of("-dbPath", createDirectories(dataDir)));
        args.addAll(List.of("-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)));
        DynamoDBProxyServer server;
        try {
            server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local rejected its arguments " + args + ": " + e.getMessage(), e);
        }
        try {
            bindToLoopbackOnly(server);
            server.start();
            return new LocalDynamoDb(server, URI.create("http://127.0.0.1:" + port));
        } catch (Exception e) {
            stopQuietly(server);
            if (LoopbackPorts.isPortTaken(e)) {
                throw new PortTakenException("DynamoDB Local: port " + port + " is taken", e);
            }
            throw new IllegalStateException(
                    "DynamoDB Local could not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * DynamoDB Local has no option for its listen address and builds a Jetty server that listens on every
     * interface; set its connector's host before it starts, so it is as private as every other local server.
     */
    private static void bindToLoopbackOnly(DynamoDBProxyServer proxy) throws ReflectiveOperationException {
        Field jetty = DynamoDBProxyServer.class.getDeclaredField("server");
        jetty.setAccessible(true);
        for (Connector connector : ((Server) jetty.get(proxy)).getConnectors()) {
            ((ServerConnector) connector)
                    .setHost(InetAddress.getLoopbackAddress().getHostAddress());
        }
    }

    private static void stopQuietly(DynamoDBProxyServer server) {
        try {
            server.stop();
        } catch (Exception ignored) {
            // it did not start; nothing else to release
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public DynamoDbClient newClient() {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(LocalS3Server.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(ANY_CREDENTIALS))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** Creates the photo table with the key schema of {@link PhotoTable}, unless it exists. */
    public void createPhotoTable(String tableName) {
        try (DynamoDbClient dynamo = newClient()) {
            dynamo.createTable(t -> t.tableName(tableName)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            stringAttribute(PhotoTable.EVENT_ID),
                            stringAttribute(PhotoTable.PHOTO_ID),
                            stringAttribute(PhotoTable.UPLOADED_AT_PHOTO_ID),
                            stringAttribute(PhotoTable.VISIBLE_UPLOADED_AT_PHOTO_ID))
                    .keySchema(key(PhotoTable.EVENT_ID, KeyType.HASH), key(PhotoTable.PHOTO_ID, KeyType.RANGE))
                    .localSecondaryIndexes(LocalSecondaryIndex.builder()
                            .indexName(PhotoTable.BY_UPLOAD_TIME_INDEX)
                            .keySchema(
                                    key(PhotoTable.EVENT_ID, KeyType.HASH),
                                    key(PhotoTable.UPLOADED_AT_PHOTO_ID, KeyType.RANGE))
                            .projection(p -> p.projectionType(ProjectionType.ALL))
                            .build())
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                            .indexName(PhotoTable.VISIBLE_BY_UPLOAD_TIME_INDEX)
                            .keySchema(
                                    key(PhotoTable.EVENT_ID, KeyType.HASH),
                                    key(PhotoTable.VISIBLE_UPLOADED_AT_PHOTO_ID, KeyType.RANGE))
                            .projection(p -> p.projectionType(ProjectionType.ALL))
                            .build()));
        } catch (ResourceInUseException alreadyThere) {
            // created by an earlier test class in this JVM
        }
    }

    /** Creates the events table with the key schema of {@link EventTable}, unless it exists. */
    public void createEventTable(String tableName) {
        try (DynamoDbClient dynamo = newClient()) {
            dynamo.createTable(t -> t.tableName(tableName)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            stringAttribute(EventTable.PK),
                            stringAttribute(EventTable.SK),
                            stringAttribute(EventTable.MEMBER_PK))
                    .keySchema(key(EventTable.PK, KeyType.HASH), key(EventTable.SK, KeyType.RANGE))
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                            .indexName(EventTable.BY_MEMBER_INDEX)
                            .keySchema(key(EventTable.MEMBER_PK, KeyType.HASH), key(EventTable.PK, KeyType.RANGE))
                            .projection(p -> p.projectionType(ProjectionType.ALL))
                            .build()));
        } catch (ResourceInUseException alreadyThere) {
            // created by an earlier test class in this JVM
        }
    }

    /** Creates the export jobs' table with the key schema of {@link ExportTable}, unless it exists. */
    public void createExportTable(String tableName) {
        try (DynamoDbClient dynamo = newClient()) {
            dynamo.createTable(t -> t.tableName(tableName)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(stringAttribute(ExportTable.EVENT_ID), stringAttribute(ExportTable.EXPORT_ID))
                    .keySchema(key(ExportTable.EVENT_ID, KeyType.HASH), key(ExportTable.EXPORT_ID, KeyType.RANGE)));
        } catch (ResourceInUseException alreadyThere) {
            // created by an earlier test class in this JVM
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        }
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(ScalarAttributeType.S)
                .build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    /** sqlite4java loads its native library from this folder, filled by local-emulators' build. */
    private static void useBundledSqliteNatives() {
        if (System.getProperty("sqlite4java.library.path") == null) {
            System.setProperty(
                    "sqlite4java.library.path",
                    RepositoryPaths.find("local-emulators/target/native-libs").toString());
        }
    }

    private static String createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
