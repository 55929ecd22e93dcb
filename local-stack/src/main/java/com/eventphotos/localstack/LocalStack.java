package com.eventphotos.localstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedDeque;

import com.eventphotos.contract.deployment.ApiEnvironment;
import com.eventphotos.contract.deployment.TableDefinition;
import com.eventphotos.emulators.LocalDynamoDb;
import com.eventphotos.emulators.LocalS3Server;
import com.eventphotos.emulators.LocalSqs;
import com.eventphotos.localstack.live.EventServerOptions;
import com.eventphotos.localstack.live.LocalEventApi;
import com.eventphotos.localstack.live.TrustedIssuer;

/**
 * The whole system on loopback, wired as in AWS: the signature-checking S3 server notifies the local Lambda
 * runtime API of every upload, the packaged processor (the Lambda's own code) handles it and writes DynamoDB
 * Local, the packaged API signs URLs for that S3 server and checks Keycloak's tokens, and the CDN stand-in
 * serves what the records' URLs point at. Exports go as in AWS too: the API queues a job in ElasticMQ (an SQS
 * server), a poller hands it to the packaged export worker through a second runtime API, as Lambda's event source
 * mapping does. The Lambda functions are data ({@link LocalFunction#ALL}), started and supervised by {@link LocalFunction}.
 * {@link #close()} stops everything it started.
 */
public final class LocalStack implements AutoCloseable {

    static final Duration APP_START_TIMEOUT = Duration.ofSeconds(90);

    // Read by AppEnvironments and by LocalStackProbes (what tests and benchmarks look at), never changed there.

    /** Pushed from two threads while starting (see startAll). */
    private final Deque<AutoCloseable> started = new ConcurrentLinkedDeque<>();

    final LocalStackConfig config;
    private final BuiltArtifacts artifacts;
    final Map<LocalFunction, LocalLambdaRuntime> runtimes = new LinkedHashMap<>();
    final Map<LocalFunction, LocalFunction.Running> functions = new LinkedHashMap<>();
    LocalS3Server s3;
    LocalDynamoDb dynamoDb;
    volatile KeycloakServer keycloak;
    LocalCdn cdn;
    LocalSqs sqs;
    volatile ChildProcess api;
    /** Completed, with what happened, when a server the stack cannot do without dies (see {@link #failure()}). */
    private final CompletableFuture<String> failure = new CompletableFuture<>();

    WebClientSite web;
    LocalEventApi live;
    volatile int apiPort;

    private LocalStack(LocalStackConfig config) {
        this.config = config;
        this.artifacts = new BuiltArtifacts(config.repositoryRoot());
    }

    /**
     * Starts every component, reporting progress; if one fails, stops the others and throws a
     * {@link LocalStackException} that names it.
     */
    public static LocalStack start(LocalStackConfig config, PrintStream progress) {
        LocalStack stack = new LocalStack(config);
        try {
            stack.startAll(progress);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e instanceof LocalStackException
                    ? e
                    : new LocalStackException("local stack failed to start: " + e, e);
        }
    }

    private void startAll(PrintStream progress) {
        artifacts.requireAll();
        config.requireFixedPortsFree();
        // The site listens first: Keycloak, the API and the bucket's CORS rules all need its origin.
        web = track(WebClientSite.start(config.webPort(), artifacts.webClient(), this::webClientConfig));
        List<String> webOrigins = webOrigins();
        // before the functions that publish to it; it asks the API about subscriptions once that is up, and takes
        // the tokens of Keycloak's realm (members) and of the API's guest issuer (guests, walls) once they are
        live = track(LocalEventApi.start(
                config.livePort(),
                this::apiUrl,
                LocalEventApi.newPublisherCredentials(),
                List.of(
                        TrustedIssuer.keycloakRealm(() -> keycloak == null ? null : keycloak.issuer()),
                        TrustedIssuer.guestTokens(ApiEnvironment.LOCAL_GUEST_ISSUER, this::apiUrl)),
                EventServerOptions.fromEnvironment(System.getenv())));
        progress.println("event server (AppSync Events protocol) on " + live.realtimeUrl());

        // Keycloak takes ~40 s to boot: storage and the functions start meanwhile, on another thread.
        CompletableFuture<Void> storageAndFunctions =
                CompletableFuture.runAsync(() -> startStorageAndFunctions(progress, webOrigins));
        progress.println("starting Keycloak (OIDC provider) ...");
        try {
            keycloak = track(Ports.start(
                    config.keycloakPort(),
                    config.portCandidates(),
                    "Keycloak",
                    port -> KeycloakServer.start(config, port, webOrigins)));
        } finally {
            storageAndFunctions.handle((done, failed) -> null).join(); // so that close() sees everything it started
        }
        progress.println("Keycloak ready: issuer " + keycloak.issuer());
        rethrowFailure(storageAndFunctions);

        api = track(Ports.start(config.apiPort(), config.portCandidates(), "API", port -> {
            ChildProcess process = ApiProcess.start(this, artifacts, port, webOrigins);
            apiPort = port;
            return process;
        }));
        progress.println("API on " + apiUrl());
        progress.println("web client on " + web.url());
        stopWhenItDies(api);
        stopWhenItDies(keycloak.process());
        long s3Pid = s3.pid();
        s3.onUnexpectedExit(code -> failure.complete("the S3 server (pid " + s3Pid + ") exited with code " + code));
    }

    /**
     * The stack cannot go on without the API, the S3 server or Keycloak: when one dies, {@link #failure()} completes
     * and {@code ./run-local.sh} stops everything, naming it (Lambda functions are restarted instead).
     */
    private void stopWhenItDies(ChildProcess process) {
        long pid = process.pid();
        process.onUnexpectedExit(
                code -> failure.complete("the " + process.name() + " (pid " + pid + ") exited with code " + code));
    }

    /** Completes, naming the server, when one the stack cannot run without has died. */
    public CompletableFuture<String> failure() {
        return failure;
    }

    private void startStorageAndFunctions(PrintStream progress, List<String> webOrigins) {
        LocalFunction.ALL.forEach(function -> runtimes.put(function, track(function.startRuntime(config))));
        s3 = track(LocalS3Server.builder()
                .port(config.s3Port())
                .workDir(config.workDir().resolve("s3"))
                .logFile(config.logDir().resolve("s3-server.log"))
                .buckets(LocalStackConfig.BUCKET, config.writeBucketCors(webOrigins))
                .eventWebhookUrl(runtimes.get(LocalFunction.PROCESSOR).eventsUrl())
                .start());
        progress.println("S3 server (checks SigV4) on " + s3.endpoint() + ", bucket " + LocalStackConfig.BUCKET);
        Path dynamoDbData = config.workDir().resolve("dynamodb");
        dynamoDb = track(Ports.start(
                config.dynamoDbPort(),
                config.portCandidates(),
                "DynamoDB Local",
                port -> LocalDynamoDb.start(port, dynamoDbData)));
        TableDefinition.ALL.forEach(table -> dynamoDb.createTable(table, LocalStackConfig.tableName(table)));
        progress.println("DynamoDB Local on " + dynamoDb.endpoint() + ", tables " + LocalStackConfig.TABLE + ", "
                + LocalStackConfig.EVENTS_TABLE + " and " + LocalStackConfig.EXPORTS_TABLE);
        sqs = track(ExportQueue.start(config));
        progress.println("SQS server (ElasticMQ) on " + sqs.endpoint() + ", queue " + LocalStackConfig.EXPORT_QUEUE);
        cdn = track(LocalCdn.start(config.cdnPort(), s3.newClient(), LocalStackConfig.BUCKET));

        for (LocalFunction function : LocalFunction.ALL) {
            functions.put(function, track(function.start(this, config, artifacts, runtimes.get(function), progress)));
        }
    }

    private static void rethrowFailure(CompletableFuture<?> finished) {
        try {
            finished.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private String webClientConfig() {
        return """
                {"apiBaseUrl":"%s","oidcAuthority":"%s","oidcClientId":"%s"}""".formatted(apiUrl(), keycloak.issuer(), LocalStackConfig.WEB_CLIENT_ID);
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + apiPort;
    }

    /** The event server (AppSync Events protocol): WebSocket {@code realtimeUrl()}, publish at {@code httpUrl()}. */
    public LocalEventApi liveEvents() {
        return live;
    }

    public String s3Endpoint() {
        return s3.endpoint().toString();
    }

    public String cdnUrl() {
        return cdn.baseUrl();
    }

    public String oidcIssuer() {
        return keycloak.issuer();
    }

    public String tokenEndpoint() {
        return keycloak.tokenEndpoint();
    }

    public String organiserPassword() {
        return keycloak.organiserPassword();
    }

    public String guestPassword() {
        return keycloak.guestPassword();
    }

    public String webUrl() {
        return web.url();
    }

    public List<String> webOrigins() {
        return LocalStackConfig.webOrigins(web.port());
    }

    public Path logDir() {
        return config.logDir();
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e.getMessage());
            }
        }
    }

    /** Runs {@code again} as the API from now on, watched as the first was (the fault test restarts it). */
    synchronized void replaceApi(ChildProcess again) {
        api = track(again);
        stopWhenItDies(again);
    }

    private <T extends AutoCloseable> T track(T component) {
        started.push(component);
        return component;
    }
}
