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
import com.eventphotos.contract.deployment.TableDefinition;

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
import software.amazon.awssdk.services.dynamodb.model.Projection;
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

    /** Creates the photo table as {@link TableDefinition#PHOTOS} says, unless it exists. */
    public void createPhotoTable(String tableName) {
        createTable(TableDefinition.PHOTOS, tableName);
    }

    /** Creates the events table as {@link TableDefinition#EVENTS} says, unless it exists. */
    public void createEventTable(String tableName) {
        createTable(TableDefinition.EVENTS, tableName);
    }

    /** Creates the export jobs' table as {@link TableDefinition#EXPORTS} says, unless it exists. */
    public void createExportTable(String tableName) {
        createTable(TableDefinition.EXPORTS, tableName);
    }

    /**
     * Creates the table {@code definition} describes (keys, indexes, billing) as {@code tableName}, unless it exists.
     * Its TTL attribute is left off: DynamoDB Local would delete nothing a test or the local run relies on keeping.
     */
    public void createTable(TableDefinition definition, String tableName) {
        try (DynamoDbClient dynamo = newClient()) {
            dynamo.createTable(t -> {
                t.tableName(tableName)
                        .billingMode(BillingMode.fromValue(definition.billingMode()))
                        .attributeDefinitions(definition.keyAttributes().stream()
                                .map(LocalDynamoDb::stringAttribute)
                                .toList())
                        .keySchema(keys(definition.partitionKey(), definition.sortKey()));
                t.localSecondaryIndexes(
                        indexes(definition.localIndexes(), (name, keys, projection) -> LocalSecondaryIndex.builder()
                                .indexName(name)
                                .keySchema(keys)
                                .projection(projection)
                                .build()));
                t.globalSecondaryIndexes(
                        indexes(definition.globalIndexes(), (name, keys, projection) -> GlobalSecondaryIndex.builder()
                                .indexName(name)
                                .keySchema(keys)
                                .projection(projection)
                                .build()));
            });
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

    /** Builds one SDK index (local or global) from its name, key schema and projection. */
    private interface IndexBuilder<T> {
        T build(String name, List<KeySchemaElement> keys, Projection projection);
    }

    /** The SDK's form of {@code indexes}; null (none sent) when there are none. */
    private static <T> List<T> indexes(List<TableDefinition.Index> indexes, IndexBuilder<T> builder) {
        if (indexes.isEmpty()) {
            return null;
        }
        return indexes.stream()
                .map(index -> builder.build(
                        index.name(),
                        keys(index.partitionKey(), index.sortKey()),
                        Projection.builder()
                                .projectionType(ProjectionType.fromValue(index.projection()))
                                .build()))
                .toList();
    }

    private static List<KeySchemaElement> keys(String partitionKey, String sortKey) {
        List<KeySchemaElement> keys = new ArrayList<>();
        keys.add(KeySchemaElement.builder()
                .attributeName(partitionKey)
                .keyType(KeyType.HASH)
                .build());
        if (sortKey != null) {
            keys.add(KeySchemaElement.builder()
                    .attributeName(sortKey)
                    .keyType(KeyType.RANGE)
                    .build());
        }
        return keys;
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
