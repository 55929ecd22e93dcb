package com.eventphotos.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.eventphotos.contract.deployment.FunctionSpec;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The AWS Lambda Runtime API on loopback, so the packaged processor runs exactly as it does in Lambda:
 * Quarkus' Lambda runtime polls {@code /invocation/next} and posts the handler's response or error. S3 event
 * notifications arrive at {@code POST /events} (the local S3 server's webhook), as S3 invokes the function
 * asynchronously; like Lambda, an invocation that fails is retried twice, then kept as a dead letter. An event
 * source (the local export queue's poller) invokes synchronously instead ({@link #invoke}) and decides itself.
 */
public final class LocalLambdaRuntime implements AutoCloseable {

    private static final String API = "/2018-06-01/runtime";
    static final int MAX_ATTEMPTS = 3;

    /**
     * The function this runtime API serves, as infra defines it.
     *
     * @param timeout an invocation without an answer by then has failed
     * @param logName its log in the log directory
     */
    record Function(String name, Duration timeout, String logName) {

        /** The processor, with its Lambda's timeout. */
        static final Function PROCESSOR = of(FunctionSpec.PROCESSOR, "lambda-runtime.log");

        /** The function {@code spec} describes, named and timed out as its Lambda. */
        static Function of(FunctionSpec spec, String logName) {
            return new Function(spec.name(), spec.timeout(), logName);
        }
    }

    /** @param result for a synchronous invocation, completed with its response; null for an asynchronous one */
    private record Invocation(String requestId, String payload, int attempt, CompletableFuture<String> result) {}

    static {
        // Without TCP_NODELAY, the runtime client's small request writes meet delayed ACKs: ~90 ms per invocation
        // that real Lambda does not have (measured). Read once, when the JDK's HTTP server is first used.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final ExecutorService handlers = Executors.newCachedThreadPool(daemon("lambda-runtime-api"));
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(daemon("lambda-retry"));
    private final LinkedBlockingDeque<Invocation> pending = new LinkedBlockingDeque<>();
    /** Counts the function's processes: a poll left over from a process that died must not take an invocation. */
    private final AtomicInteger generation = new AtomicInteger();

    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger polls = new AtomicInteger();
    private final AtomicInteger succeeded = new AtomicInteger();
    private final AtomicInteger deadLettered = new AtomicInteger();
    private final Path log;
    private final Path deadLetters;
    private final Function function;

    /** Bound after construction, so the server's handler is this object's own method. */
    private HttpServer server;

    private LocalLambdaRuntime(Path logDir, Function function) {
        this.function = function;
        this.log = logDir.resolve(function.logName());
        this.deadLetters = logDir.resolve("dead-letters.jsonl");
    }

    public static LocalLambdaRuntime start(int port, Path logDir) {
        return start(port, logDir, Function.PROCESSOR);
    }

    static LocalLambdaRuntime start(int port, Path logDir, Function function) {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new LocalStackException("cannot create " + logDir + ": " + e.getMessage(), e);
        }
        LocalLambdaRuntime runtime = new LocalLambdaRuntime(logDir, function);
        runtime.server = LoopbackHttp.start("local Lambda runtime API", port, runtime::route, runtime.handlers);
        return runtime;
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/events")) {
            receiveEvent(exchange);
        } else if (path.startsWith(API + "/invocation/")) {
            invocation(exchange);
        } else if (path.equals(API + "/init/error")) {
            record("INIT_ERROR " + body(exchange));
            respond(exchange, 202, "");
        } else {
            respond(exchange, 404, "");
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The value of AWS_LAMBDA_RUNTIME_API for the function process. */
    public String runtimeApiAddress() {
        return "127.0.0.1:" + port();
    }

    String eventsUrl() {
        return "http://" + runtimeApiAddress() + "/events";
    }

    /** Queues one asynchronous invocation, as S3 does for each event notification. */
    public void invokeAsync(String payload) {
        pending.add(new Invocation(UUID.randomUUID().toString(), payload, 1, null));
    }

    /**
     * One synchronous invocation, as an event source mapping makes: completes with the function's response, or
     * exceptionally when it reports an error, times out or its process dies. Never retried here.
     */
    CompletableFuture<String> invoke(String payload) {
        CompletableFuture<String> result = new CompletableFuture<>();
        pending.add(new Invocation(UUID.randomUUID().toString(), payload, MAX_ATTEMPTS, result));
        return result;
    }

    boolean functionIsPolling() {
        return polls.get() > 0;
    }

    /**
     * The function's process died (as Lambda notices a runtime that exits): the invocations it held fail now, and are
     * retried by the usual rule, instead of when their timeout passes; polls it left open take nothing.
     */
    public void functionExited(String reason) {
        generation.incrementAndGet();
        for (Invocation invocation : inFlight.values()) {
            if (inFlight.remove(invocation.requestId(), invocation)) {
                failed(invocation, reason);
            }
        }
    }

    /** Invocations handed to the function and not answered yet. */
    public int inFlight() {
        return inFlight.size();
    }

    /** A line in lambda-runtime.log. */
    void note(String line) {
        record(line);
    }

    public int succeeded() {
        return succeeded.get();
    }

    public int deadLettered() {
        return deadLettered.get();
    }

    @Override
    public void close() {
        server.stop(0);
        retries.shutdownNow();
        handlers.shutdownNow();
    }

    private void receiveEvent(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, "");
            return;
        }
        invokeAsync(body(exchange));
        respond(exchange, 202, "");
    }

    private void invocation(HttpExchange exchange) throws IOException {
        String rest = exchange.getRequestURI().getPath().substring((API + "/invocation/").length());
        if (rest.equals("next") && "GET".equals(exchange.getRequestMethod())) {
            next(exchange);
        } else if (rest.endsWith("/response")) {
            Invocation done = inFlight.remove(rest.substring(0, rest.indexOf('/')));
            String response = body(exchange);
            if (done != null) {
                succeeded.incrementAndGet();
                record("SUCCEEDED request=" + done.requestId() + " attempt=" + done.attempt());
                if (done.result() != null) {
                    done.result().complete(response);
                }
            }
            respond(exchange, 202, "{\"status\":\"OK\"}");
        } else if (rest.endsWith("/error")) {
            failed(inFlight.remove(rest.substring(0, rest.indexOf('/'))), body(exchange));
            respond(exchange, 202, "{\"status\":\"OK\"}");
        } else {
            respond(exchange, 404, "");
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        polls.incrementAndGet();
        int polledBy = generation.get();
        Invocation invocation;
        try {
            invocation = pending.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        inFlight.put(invocation.requestId(), invocation);
        if (generation.get() != polledBy) {
            // the process that asked has died meanwhile: the invocation is the next process's
            if (inFlight.remove(invocation.requestId(), invocation)) {
                pending.addFirst(invocation);
            }
            exchange.close();
            return;
        }
        // Also covers a function process that died while it held the invocation: it is retried like a failure.
        retries.schedule(
                () -> {
                    if (inFlight.remove(invocation.requestId(), invocation)) {
                        failed(
                                invocation,
                                "Task timed out after " + function.timeout().toSeconds() + " seconds");
                    }
                },
                function.timeout().toMillis(),
                TimeUnit.MILLISECONDS);
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        exchange.getResponseHeaders()
                .add(
                        "Lambda-Runtime-Deadline-Ms",
                        Long.toString(
                                System.currentTimeMillis() + function.timeout().toMillis()));
        exchange.getResponseHeaders()
                .add(
                        "Lambda-Runtime-Invoked-Function-Arn",
                        "arn:aws:lambda:us-east-1:000000000000:function:" + function.name());
        exchange.getResponseHeaders()
                .add("Lambda-Runtime-Trace-Id", "Root=1-" + Long.toHexString(System.currentTimeMillis()));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        respond(exchange, 200, invocation.payload());
    }

    private synchronized void failed(Invocation invocation, String error) {
        if (invocation == null) {
            return;
        }
        record("FAILED request=" + invocation.requestId() + " attempt=" + invocation.attempt() + " error=" + error);
        if (invocation.result() != null) {
            invocation.result().completeExceptionally(new LocalStackException(function.name() + ": " + error));
        } else if (invocation.attempt() < MAX_ATTEMPTS) {
            // Lambda retries failed asynchronous invocations twice, after about a minute and then two; shortened here.
            retries.schedule(
                    () -> pending.add(new Invocation(
                            invocation.requestId(), invocation.payload(), invocation.attempt() + 1, null)),
                    invocation.attempt() * 2L,
                    TimeUnit.SECONDS);
        } else {
            deadLettered.incrementAndGet();
            append(
                    deadLetters,
                    "{\"requestId\":\"" + invocation.requestId() + "\",\"event\":" + invocation.payload() + "}");
        }
    }

    private synchronized void record(String line) {
        append(log, Instant.now() + " " + line.replace('\n', ' '));
    }

    private static void append(Path file, String line) {
        try {
            Files.writeString(
                    file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            new PrintWriter(System.err, true).println("cannot write " + file + ": " + e.getMessage());
        }
    }

    private static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        LoopbackHttp.respond(exchange, status, body);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
