package com.eventphotos.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

import com.eventphotos.contract.deployment.BucketCors;
import com.eventphotos.contract.deployment.TableDefinition;
import com.eventphotos.emulators.LoopbackPorts;

/**
 * Ports and folders of a local stack. Every port can be changed by an environment variable
 * (EVENT_PHOTOS_API_PORT, ..._S3_PORT, ..._DYNAMODB_PORT, ..._KEYCLOAK_PORT, ..._CDN_PORT, ..._LAMBDA_PORT,
 * ..._WEB_PORT, ..._LIVE_PORT); 0 picks a free port (what the end-to-end tests do), for servers that must be told their port
 * the first of {@code portCandidates} that is still free when the server binds it.
 */
public record LocalStackConfig(
        int apiPort,
        int s3Port,
        int dynamoDbPort,
        int keycloakPort,
        int cdnPort,
        int lambdaRuntimePort,
        int webPort,
        int livePort,
        Path repositoryRoot,
        Path workDir,
        IntSupplier portCandidates) {

    public static final String BUCKET = "event-photos-local";
    /** The tables' names: this base and each {@link TableDefinition#localNameSuffix()}. */
    public static final String TABLE = "event-photos-local" + TableDefinition.PHOTOS.localNameSuffix();

    public static final String EVENTS_TABLE = tableName(TableDefinition.EVENTS);
    public static final String EXPORTS_TABLE = tableName(TableDefinition.EXPORTS);
    public static final String EXPORT_QUEUE = "export-photos";
    public static final String EXPORT_DEAD_LETTERS = "export-photos-dead-letters";
    public static final String REALM = "event-photos";
    public static final String REGION = "us-east-1";
    public static final String WEB_CLIENT_ID = "event-photos-web";
    public static final String CLI_CLIENT_ID = "event-photos-cli";
    /** The demo users: an organiser who creates events and invites, and a guest who joins through a link. */
    public static final String ORGANISER_USERNAME = "organiser";

    public static final String GUEST_USERNAME = "guest";

    public static LocalStackConfig fromEnvironment(Path repositoryRoot, Map<String, String> env) {
        return new LocalStackConfig(
                port(env, "API", 8080),
                port(env, "S3", 4568),
                port(env, "DYNAMODB", 8000),
                port(env, "KEYCLOAK", 8180),
                port(env, "CDN", 8090),
                port(env, "LAMBDA", 9001),
                port(env, "WEB", 5173),
                port(env, "LIVE", 8095),
                repositoryRoot,
                repositoryRoot.resolve("local-stack/target/local-stack"),
                LoopbackPorts::candidate);
    }

    /** All on free ports, in its own folder: for tests running beside a developer's stack. */
    public static LocalStackConfig onFreePorts(Path repositoryRoot, Path workDir) {
        return onFreePorts(repositoryRoot, workDir, LoopbackPorts::candidate);
    }

    /** As {@link #onFreePorts(Path, Path)}, offering the servers that must be told their port these candidates. */
    public static LocalStackConfig onFreePorts(Path repositoryRoot, Path workDir, IntSupplier portCandidates) {
        return new LocalStackConfig(0, 0, 0, 0, 0, 0, 0, 0, repositoryRoot, workDir, portCandidates);
    }

    /** A port set before anything starts: what listens there and the variable that moves it. */
    private record FixedPort(String component, String variable, int port) {}

    /** Fails, naming the component and the variable that moves it, when a fixed port is taken; 0 (any) passes. */
    void requireFixedPortsFree() {
        List.of(
                        new FixedPort("API", "API", apiPort),
                        new FixedPort("S3 server", "S3", s3Port),
                        new FixedPort("DynamoDB Local", "DYNAMODB", dynamoDbPort),
                        new FixedPort("Keycloak", "KEYCLOAK", keycloakPort),
                        new FixedPort("CDN stand-in", "CDN", cdnPort),
                        new FixedPort("Lambda runtime API", "LAMBDA", lambdaRuntimePort),
                        new FixedPort("web client", "WEB", webPort),
                        new FixedPort("event server", "LIVE", livePort))
                .forEach(p -> Ports.requireFree(p.port(), p.component(), "EVENT_PHOTOS_" + p.variable() + "_PORT"));
    }

    /** The bucket's CORS rules for the S3 server, written into the work folder. */
    Path writeBucketCors(List<String> webOrigins) {
        try {
            Path file = workDir.resolve("bucket-cors.xml");
            Files.createDirectories(file.getParent());
            Files.writeString(file, BucketCors.toS3Xml(webOrigins));
            return file;
        } catch (IOException e) {
            throw new LocalStackException("cannot write the bucket CORS configuration: " + e.getMessage(), e);
        }
    }

    public Path logDir() {
        return workDir.resolve("logs");
    }

    private static int port(Map<String, String> env, String component, int fallback) {
        String name = "EVENT_PHOTOS_" + component + "_PORT";
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new LocalStackException(name + " must be a port number (0-65535), was '" + value + "'");
    }

    /** The local name of the table {@code definition} describes. */
    static String tableName(TableDefinition definition) {
        return "event-photos-local" + definition.localNameSuffix();
    }

    static List<String> webOrigins(int webPort) {
        return List.of("http://localhost:" + webPort, "http://127.0.0.1:" + webPort);
    }
}
