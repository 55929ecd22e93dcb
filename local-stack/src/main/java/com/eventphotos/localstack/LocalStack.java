package com.eventphotos.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedDeque;

import com.eventphotos.contract.deployment.ApiEnvironment;
import com.eventphotos.contract.deployment.BucketCors;
import com.eventphotos.contract.deployment.ExportWorkerEnvironment;
import com.eventphotos.contract.deployment.LiveEventsEnvironment;
import com.eventphotos.contract.deployment.ProcessorEnvironment;
import com.eventphotos.emulators.LocalDynamoDb;
import com.eventphotos.emulators.LocalS3Server;
import com.eventphotos.emulators.LocalSqs;
import com.eventphotos.localstack.live.EventServerOptions;
import com.eventphotos.localstack.live.LocalEventApi;
import com.eventphotos.localstack.live.TrustedIssuer;

import software.amazon.awssdk.services.s3.S3Client;

/**
 * The whole system on loopback, wired as in AWS: the signature-checking S3 server notifies the local Lambda
 * runtime API of every upload, the packaged processor (the Lambda's own code) handles it and writes DynamoDB
 * Local, the packaged API signs URLs for that S3 server and checks Keycloak's tokens, and the CDN stand-in
 * serves what the records' URLs point at. Exports go as in AWS too: the API queues a job in ElasticMQ (an SQS
 * server), a poller hands it to the packaged export worker through a second runtime API, as Lambda's event source
 * mapping does. {@link #close()} stops everything it started.
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration APP_START_TIMEOUT = Duration.ofSeconds(90);
    /**
     * In AWS a failed export message is hidden for six function timeouts (30 min); locally it comes back sooner, after
     * the lease of the worker that failed (below) has run out, so a crashed worker's export resumes within a minute.
     */
    static final Duration EXPORT_VISIBILITY_TIMEOUT = Duration.ofSeconds(45);

    static final Duration EXPORT_LEASE = Duration.ofSeconds(30);
    /** As the processor's Lambda (infra): the JVM gets 85 % of it as heap limit, as in the managed runtime. */

    /** Pushed from two threads while starting (see startAll). */
    private final Deque<AutoCloseable> started = new ConcurrentLinkedDeque<>();

    private final LocalStackConfig config;
    private final BuiltArtifacts artifacts;
    private LocalS3Server s3;
    private LocalDynamoDb dynamoDb;
    private volatile KeycloakServer keycloak;
    private LocalLambdaRuntime lambdaRuntime;
    private LocalCdn cdn;
    private FunctionSupervisor processor;
    private LocalSqs sqs;
    private LocalLambdaRuntime exportRuntime;
    private FunctionSupervisor exportWorker;
    private volatile ChildProcess api;
    /** Completed, with what happened, when a server the stack cannot do without dies (see {@link #failure()}). */
    private final CompletableFuture<String> failure = new CompletableFuture<>();

    private WebClientSite web;
    private LocalEventApi live;
    private volatile int apiPort;

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
        Ports.requireFree(config.apiPort(), "API", "EVENT_PHOTOS_API_PORT");
        Ports.requireFree(config.s3Port(), "S3 server", "EVENT_PHOTOS_S3_PORT");
        Ports.requireFree(config.dynamoDbPort(), "DynamoDB Local", "EVENT_PHOTOS_DYNAMODB_PORT");
        Ports.requireFree(config.keycloakPort(), "Keycloak", "EVENT_PHOTOS_KEYCLOAK_PORT");
        Ports.requireFree(config.cdnPort(), "CDN stand-in", "EVENT_PHOTOS_CDN_PORT");
        Ports.requireFree(config.lambdaRuntimePort(), "Lambda runtime API", "EVENT_PHOTOS_LAMBDA_PORT");
        Ports.requireFree(config.webPort(), "web client", "EVENT_PHOTOS_WEB_PORT");
        Ports.requireFree(config.livePort(), "event server", "EVENT_PHOTOS_LIVE_PORT");
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

        // Keycloak takes ~40 s to boot: storage and the processor start meanwhile, on another thread.
        CompletableFuture<Void> storageAndProcessor =
                CompletableFuture.runAsync(() -> startStorageAndProcessor(progress, webOrigins));
        progress.println("starting Keycloak (OIDC provider) ...");
        try {
            keycloak = track(Ports.start(
                    config.keycloakPort(),
                    config.portCandidates(),
                    "Keycloak",
                    port -> KeycloakServer.start(config, port, webOrigins)));
        } finally {
            storageAndProcessor.handle((done, failed) -> null).join(); // so that close() sees everything it started
        }
        progress.println("Keycloak ready: issuer " + keycloak.issuer());
        rethrowFailure(storageAndProcessor);

        api = track(Ports.start(config.apiPort(), config.portCandidates(), "API", port -> startApi(port, webOrigins)));
        progress.println("API on " + apiUrl());
        progress.println("web client on " + web.url());
        stopWhenItDies(api);
        stopWhenItDies(keycloak.process());
        long s3Pid = s3.pid();
        s3.onUnexpectedExit(code -> failed("the S3 server (pid " + s3Pid + ") exited with code " + code));
    }

    /**
     * The stack cannot go on without the API, the S3 server or Keycloak: when one dies, {@link #failure()} completes
     * and {@code ./run-local.sh} stops everything, naming it (Lambda functions are restarted instead).
     */
    private void stopWhenItDies(ChildProcess process) {
        long pid = process.pid();
        process.onUnexpectedExit(
                code -> failed("the " + process.name() + " (pid " + pid + ") exited with code " + code));
    }

    private void failed(String what) {
        failure.complete(what);
    }

    /** Completes, naming the server, when one the stack cannot run without has died. */
    public CompletableFuture<String> failure() {
        return failure;
    }

    /** Stops the API and starts it again on its port, as a deploy or a crash would (fault tests). */
    public synchronized void restartApi() {
        ChildProcess old = api;
        old.close();
        ChildProcess again = old.startAgain();
        Readiness.awaitHttp200OrStop(again, apiUrl() + "/q/health/ready", APP_START_TIMEOUT);
        api = track(again);
        stopWhenItDies(again);
    }

    /** The process ids of the S3 server, the processor's current process and the API (fault tests). */
    /** A client of the stack's S3 server, to look at the bucket (tests); the caller closes it. */
    public S3Client newS3Client() {
        return s3.newClient();
    }

    /** A client of the stack's DynamoDB Local (benchmarks seed records); the caller closes it. */
    public software.amazon.awssdk.services.dynamodb.DynamoDbClient newDynamoDbClient() {
        return dynamoDb.newClient();
    }

    public long s3ServerPid() {
        return s3.pid();
    }

    public long processorPid() {
        return processor.current().pid();
    }

    public long apiPid() {
        return api.pid();
    }

    /** Invocations the processor holds now, and how often its process was replaced. */
    public int processorInvocationsInFlight() {
        return lambdaRuntime.inFlight();
    }

    public int processorRestarts() {
        return processor.restarts();
    }

    public long exportWorkerPid() {
        return exportWorker.current().pid();
    }

    public int exportWorkerRestarts() {
        return exportWorker.restarts();
    }

    private void startStorageAndProcessor(PrintStream progress, List<String> webOrigins) {
        lambdaRuntime = track(LocalLambdaRuntime.start(config.lambdaRuntimePort(), config.logDir()));
        s3 = track(LocalS3Server.builder()
                .port(config.s3Port())
                .workDir(config.workDir().resolve("s3"))
                .logFile(config.logDir().resolve("s3-server.log"))
                .buckets(LocalStackConfig.BUCKET, writeCorsConfiguration(webOrigins))
                .eventWebhookUrl(lambdaRuntime.eventsUrl())
                .start());
        progress.println("S3 server (checks SigV4) on " + s3.endpoint() + ", bucket " + LocalStackConfig.BUCKET);
        Path dynamoDbData = config.workDir().resolve("dynamodb");
        dynamoDb = track(Ports.start(
                config.dynamoDbPort(),
                config.portCandidates(),
                "DynamoDB Local",
                port -> LocalDynamoDb.start(port, dynamoDbData)));
        dynamoDb.createPhotoTable(LocalStackConfig.TABLE);
        dynamoDb.createEventTable(LocalStackConfig.EVENTS_TABLE);
        dynamoDb.createExportTable(LocalStackConfig.EXPORTS_TABLE);
        progress.println("DynamoDB Local on " + dynamoDb.endpoint() + ", tables " + LocalStackConfig.TABLE + ", "
                + LocalStackConfig.EVENTS_TABLE + " and " + LocalStackConfig.EXPORTS_TABLE);
        sqs = track(LocalSqs.start(
                0,
                config.workDir().resolve("sqs"),
                List.of(
                        new LocalSqs.Queue(
                                LocalStackConfig.EXPORT_QUEUE,
                                EXPORT_VISIBILITY_TIMEOUT,
                                LocalStackConfig.EXPORT_DEAD_LETTERS,
                                Integer.parseInt(ExportWorkerEnvironment.MAX_RECEIVE_COUNT)),
                        LocalSqs.Queue.plain(LocalStackConfig.EXPORT_DEAD_LETTERS))));
        progress.println("SQS server (ElasticMQ) on " + sqs.endpoint() + ", queue " + LocalStackConfig.EXPORT_QUEUE);
        cdn = track(LocalCdn.start(config.cdnPort(), s3.newClient(), LocalStackConfig.BUCKET));

        ChildProcess function = startProcessor();
        try {
            Readiness.await(
                    function,
                    lambdaRuntime::functionIsPolling,
                    APP_START_TIMEOUT,
                    "did not poll the Lambda runtime API");
        } catch (RuntimeException e) {
            function.close();
            throw e;
        }
        processor = track(new FunctionSupervisor("processor", function, lambdaRuntime, progress));
        progress.println(
                "processor (Lambda handler) polling the local Lambda runtime API on port " + lambdaRuntime.port());
        startExportWorker(progress);
    }

    /** The export worker's function.zip behind its own runtime API, fed from the export queue. */
    private void startExportWorker(PrintStream progress) {
        exportRuntime = track(LocalLambdaRuntime.start(
                0,
                config.logDir(),
                new LocalLambdaRuntime.Function(
                        "export-photos", ExportWorkerEnvironment.TIMEOUT, "export-runtime.log")));
        Map<String, String> env = LocalAwsEnvironment.of(s3, dynamoDb);
        env.putAll(LocalAwsEnvironment.sqs(sqs));
        env.putAll(new ExportWorkerEnvironment(
                        LocalStackConfig.BUCKET,
                        LocalStackConfig.TABLE,
                        LocalStackConfig.EXPORTS_TABLE,
                        sqs.queueUrl(LocalStackConfig.EXPORT_QUEUE))
                .variables());
        // a dead worker's job is taken over after this, before the queue delivers its message again
        env.put("EVENT_PHOTOS_EXPORT_LEASE", EXPORT_LEASE.toString());
        ChildProcess function = LambdaFunction.start(
                "export-photos",
                artifacts.exportPackage(),
                config.workDir().resolve("export-task"),
                artifacts.runtimeClient(),
                exportRuntime.runtimeApiAddress(),
                ExportWorkerEnvironment.MEMORY_MB,
                withLiveEvents(env),
                List.of(),
                config.logDir().resolve("export-worker.log"));
        try {
            Readiness.await(
                    function, exportRuntime::functionIsPolling, APP_START_TIMEOUT, "did not poll its runtime API");
        } catch (RuntimeException e) {
            function.close();
            throw e;
        }
        exportWorker = track(new FunctionSupervisor("export worker", function, exportRuntime, progress));
        track(new SqsEventSource(
                sqs.newClient(),
                sqs.queueUrl(LocalStackConfig.EXPORT_QUEUE),
                "arn:aws:sqs:us-east-1:000000000000:" + LocalStackConfig.EXPORT_QUEUE,
                exportRuntime));
        progress.println("export worker (Lambda handler) fed by the export queue");
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

    /** Every loopback port this stack listens on (for checks that nothing is left listening). */
    public List<Integer> ports() {
        return List.of(
                apiPort,
                s3.endpoint().getPort(),
                dynamoDb.endpoint().getPort(),
                keycloak.port(),
                cdn.port(),
                lambdaRuntime.port(),
                exportRuntime.port(),
                sqs.endpoint().getPort(),
                web.port());
    }

    /** Asynchronous invocations of the processor that failed three times. */
    public int deadLetteredEvents() {
        return lambdaRuntime.deadLettered();
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

    private <T extends AutoCloseable> T track(T component) {
        started.push(component);
        return component;
    }

    /** The processor's function.zip, run by AWS's Lambda runtime client as in the Java 17 runtime. */
    private ChildProcess startProcessor() {
        return LambdaFunction.start(
                "process-uploaded-photo",
                artifacts.processorPackage(),
                config.workDir().resolve("processor-task"),
                artifacts.runtimeClient(),
                lambdaRuntime.runtimeApiAddress(),
                ProcessorEnvironment.MEMORY_MB,
                withLiveEvents(processorEnvironment(
                        config.repositoryRoot(),
                        s3,
                        dynamoDb,
                        LocalStackConfig.BUCKET,
                        LocalStackConfig.TABLE,
                        cdn.baseUrl())),
                List.of(),
                config.logDir().resolve("processor.log"));
    }

    /**
     * Where the functions publish, and as whom: the event server's publisher key pair in the variables Lambda puts
     * a role's credentials in (the functions' S3 and DynamoDB clients use their servers' own keys).
     */
    private Map<String, String> withLiveEvents(Map<String, String> env) {
        env.putAll(new LiveEventsEnvironment(live.httpUrl(), live.realtimeUrl()).variables());
        env.put("AWS_ACCESS_KEY_ID", live.publisher().accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", live.publisher().secretAccessKey());
        return env;
    }

    /** The processor's environment against local servers: what infra sets in AWS, with local addresses. */
    public static Map<String, String> processorEnvironment(
            Path repositoryRoot,
            LocalS3Server s3,
            LocalDynamoDb dynamoDb,
            String bucket,
            String table,
            String cdnBaseUrl) {
        Map<String, String> env = LocalAwsEnvironment.of(s3, dynamoDb);
        String libvips = new BuiltArtifacts(repositoryRoot).libvipsLibrary().toString();
        env.putAll(new ProcessorEnvironment(bucket, table, cdnBaseUrl, libvips).variables());
        return env;
    }

    /** The packaged API on {@code port}, once it is ready; stopped again if it is not. */
    private ChildProcess startApi(int port, List<String> webOrigins) {
        Map<String, String> env = withLiveEvents(awsEnvironment());
        env.putAll(LocalAwsEnvironment.sqs(sqs));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.putAll(new ApiEnvironment(
                        LocalStackConfig.BUCKET,
                        LocalStackConfig.TABLE,
                        LocalStackConfig.EVENTS_TABLE,
                        LocalStackConfig.EXPORTS_TABLE,
                        sqs.queueUrl(LocalStackConfig.EXPORT_QUEUE),
                        LocalStackConfig.REGION,
                        webOrigins,
                        keycloak.issuer(),
                        List.of(LocalStackConfig.WEB_CLIENT_ID, LocalStackConfig.CLI_CLIENT_ID),
                        ApiEnvironment.generatedPageTokenKey(),
                        ApiEnvironment.LOCAL_GUEST_ISSUER,
                        null)
                .variables());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ChildProcess api = ChildProcess.start(
                "API",
                List.of(java, "-Xmx256m", "-jar", artifacts.apiJar().toString()),
                env,
                config.repositoryRoot().resolve("initiate-upload-api"),
                config.logDir().resolve("api.log"));
        Readiness.awaitHttp200OrStop(api, "http://127.0.0.1:" + port + "/q/health/ready", APP_START_TIMEOUT);
        apiPort = port;
        return api;
    }

    private Map<String, String> awsEnvironment() {
        return LocalAwsEnvironment.of(s3, dynamoDb);
    }

    private Path writeCorsConfiguration(List<String> webOrigins) {
        String xml = BucketCors.toS3Xml(webOrigins);
        try {
            Path file = config.workDir().resolve("bucket-cors.xml");
            Files.createDirectories(file.getParent());
            Files.writeString(file, xml);
            return file;
        } catch (IOException e) {
            throw new LocalStackException("cannot write the bucket CORS configuration: " + e.getMessage(), e);
        }
    }
}
