package com.eventphotos.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.eventphotos.contract.deployment.ApiEnvironment;
import com.eventphotos.emulators.LocalDynamoDb;
import com.eventphotos.emulators.LoopbackPorts;
import com.eventphotos.localstack.ChildProcess;
import com.eventphotos.localstack.LocalAwsEnvironment;
import com.eventphotos.localstack.Readiness;

/**
 * The packaged API in production mode, with real token validation against a local issuer, driven over
 * loopback by wrk (a separate, non-Java load generator): once at fixed concurrency, once paced.
 */
final class ApiLoadTest {

    private static final Pattern RESULT = Pattern.compile(
            "RESULT requests=(\\d+) duration_us=(\\d+) connect=(\\d+) read=(\\d+) write=(\\d+) status=(\\d+) timeout=(\\d+)"
                    + " p50=(\\d+) p90=(\\d+) p99=(\\d+) max=(\\d+) mean=([\\d.]+) stdev=([\\d.]+)");

    private static final String TABLE = "event-photos-bench";
    private static final String EVENTS_TABLE = "event-photos-bench-events";

    private final Path root;
    private final Path workDir;
    private final Duration duration;

    ApiLoadTest(Path root, Path workDir, Duration duration) {
        this.root = root;
        this.workDir = workDir;
        this.duration = duration;
    }

    void run(Results results) throws Exception {
        if (!Benchmarks.onPath("wrk")) {
            results.note("API load test skipped: wrk is not installed (./run-benchmarks.sh installs it with apt-get)");
            return;
        }
        Path script = workDir.resolve("initiate-upload.lua");
        try (InputStream lua = ApiLoadTest.class.getResourceAsStream("/initiate-upload.lua")) {
            Files.createDirectories(workDir);
            Files.write(script, lua.readAllBytes());
        }
        try (LocalIssuer issuer = new LocalIssuer().start();
                LocalDynamoDb dynamoDb = LocalDynamoDb.start(0)) {
            dynamoDb.createPhotoTable(TABLE);
            dynamoDb.createEventTable(EVENTS_TABLE);
            try (RunningApi running =
                    LoopbackPorts.startOnFreePort("API (load test)", port -> startApi(issuer, dynamoDb, port))) {
                ChildProcess api = running.process();
                String url = running.url();
                String token = issuer.token("load-test-user", 3600);
                // as in production, only a member may upload: each request reads the membership and counts the
                // upload against the event's cap in DynamoDB (Local, on loopback)
                createEvent(url, token, "load-test");
                String target = url + "/events/load-test/photos/initiate-upload";
                wrk(token, script, target, 32, 0, Duration.ofSeconds(Math.min(15, duration.toSeconds())), null, null);
                wrk(
                        token,
                        script,
                        target,
                        32,
                        0,
                        duration,
                        results,
                        "fixed concurrency: 32 connections, 2 wrk threads");
                wrk(
                        token,
                        script,
                        target,
                        60,
                        10,
                        duration,
                        results,
                        "paced: 60 connections, each waiting 10 ms between requests (at most 6,000 req/s offered)");
                Map<String, Long> memory = Benchmarks.memoryOf(api.pid());
                results.add(
                        "api load",
                        "server RSS after the runs",
                        memory.get("VmRSS") / 1024.0,
                        "MiB",
                        "",
                        "peak (VmHWM) " + memory.get("VmHWM") / 1024 + " MiB; JVM flags "
                                + String.join(" ", apiJvmFlags()));
            }
            // the same two DynamoDB calls per upload start, without API or wrk: the ceiling of the figures above
            results.add(
                    "api load",
                    "DynamoDB Local alone: membership GetItem + cap ADD",
                    DynamoDbFloor.measure(dynamoDb, EVENTS_TABLE, "load-test", "load-test-user", 32, duration),
                    "pairs/s",
                    "",
                    "32 threads in the benchmark's JVM, no API, no wrk");
        }
    }

    private void wrk(
            String token,
            Path script,
            String target,
            int connections,
            int paceMs,
            Duration length,
            Results results,
            String label)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                        "wrk",
                        "-t2",
                        "-c" + connections,
                        "-d" + length.toSeconds() + "s",
                        "--timeout",
                        "5s",
                        "-s",
                        script.toString(),
                        target)
                .redirectErrorStream(true);
        builder.environment().put("TOKEN", token);
        builder.environment().put("PACE_MS", Integer.toString(paceMs));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        Matcher m = RESULT.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("wrk printed no result:\n" + output);
        }
        if (results == null) {
            return; // warm-up
        }
        long requests = Long.parseLong(m.group(1));
        double seconds = Long.parseLong(m.group(2)) / 1e6;
        long errors = 0;
        for (int g = 3; g <= 7; g++) {
            errors += Long.parseLong(m.group(g));
        }
        String section = "api load (" + label.substring(0, label.indexOf(':')) + ")";
        results.add(
                section,
                "initiate-upload throughput",
                requests / seconds,
                "req/s",
                "",
                label + ", " + length.toSeconds() + " s");
        results.add(section, "latency p50", Long.parseLong(m.group(8)) / 1000.0, "ms", "", "");
        results.add(section, "latency p90", Long.parseLong(m.group(9)) / 1000.0, "ms", "", "");
        results.add(section, "latency p99", Long.parseLong(m.group(10)) / 1000.0, "ms", "", "");
        results.add(
                section,
                "latency max",
                Long.parseLong(m.group(11)) / 1000.0,
                "ms",
                "",
                "mean " + m.group(12) + " us, stdev " + m.group(13) + " us");
        results.add(
                section,
                "errors (connect/read/write/non-2xx/timeout)",
                errors,
                "count",
                "",
                "of " + requests + " requests");
    }

    private record RunningApi(ChildProcess process, String url) implements AutoCloseable {
        @Override
        public void close() {
            process.close();
        }
    }

    private static void createEvent(String apiUrl, String token, String eventId)
            throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(apiUrl + "/events"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"name\":\"Load test\",\"eventId\":\"" + eventId + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST /events answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** The packaged API on {@code port}, once ready (a PortTakenException if that port was taken). */
    private RunningApi startApi(LocalIssuer issuer, LocalDynamoDb dynamoDb, int port) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.putAll(new ApiEnvironment(
                        "event-photos-bench",
                        TABLE,
                        EVENTS_TABLE,
                        EVENTS_TABLE + "-exports", // not exercised by the load test
                        "http://127.0.0.1:9/000000000000/not-exercised",
                        "eu-central-1",
                        List.of("http://localhost:5173"),
                        issuer.issuer(),
                        List.of(LocalIssuer.CLIENT_ID),
                        ApiEnvironment.generatedPageTokenKey(),
                        ApiEnvironment.LOCAL_GUEST_ISSUER,
                        null)
                .variables());
        // Signing needs credentials but no network: example keys from the AWS documentation.
        env.put("QUARKUS_S3_AWS_CREDENTIALS_TYPE", "static");
        env.put("QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
        env.put(
                "QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        env.putAll(LocalAwsEnvironment.dynamoDbOnly(dynamoDb));
        // hundreds of thousands of uploads into one event: measure the API, not the per-event cap
        env.put("EVENT_PHOTOS_EVENTS_MAX_PHOTOS", Integer.toString(Integer.MAX_VALUE));
        env.put("QUARKUS_LOG_LEVEL", "WARN");
        // one benchmark user starts thousands of uploads: measure signing, not the per-user limit
        env.put("EVENT_PHOTOS_RATE_LIMIT_BURST", Integer.toString(Integer.MAX_VALUE));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(apiJvmFlags());
        command.addAll(List.of(
                "-jar",
                root.resolve("initiate-upload-api/target/quarkus-app/quarkus-run.jar")
                        .toString()));
        ChildProcess api =
                ChildProcess.start("API (load test)", command, env, workDir, workDir.resolve("api-load.log"));
        String url = "http://127.0.0.1:" + port;
        return new RunningApi(Readiness.awaitHttp200OrStop(api, url + "/q/health/ready", Duration.ofSeconds(60)), url);
    }

    private static List<String> apiJvmFlags() {
        return List.of("-Xmx128m", "-XX:+UseSerialGC");
    }
}
