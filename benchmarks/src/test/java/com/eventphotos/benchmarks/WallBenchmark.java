package com.eventphotos.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.eventphotos.emulators.BrowserStylePut;
import com.eventphotos.localstack.DemoGuestLink;
import com.eventphotos.localstack.LocalStack;
import com.eventphotos.localstack.LocalStackConfig;
import com.eventphotos.testsupport.LiveEventsClient;
import com.eventphotos.testsupport.TestImages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The live wall under a crowd: {@code subscribers} open galleries on one event's channel through the local stack's
 * event server, {@code uploads} 12 MP phone JPEGs PUT at one per second through the whole stack (API, signature-
 * checking S3 server, processor with renditions, DynamoDB, publish). Every subscriber must receive every
 * {@code photo.visible} exactly once (the uploads come from ten guests of a link without review, as a crowd's do); measured: from PUT done to event received (what a guest at the wall sees),
 * from record write (the event's {@code at}) to event received, and the event server's CPU (its Vert.x threads).
 */
final class WallBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int GUESTS = 10;

    private final Path root;
    private final Path work;
    private final int subscribers;
    private final int uploads;
    private final int width;
    private final int height;

    WallBenchmark(Path root, Path work, int subscribers, int uploads, int width, int height) {
        this.root = root;
        this.work = work;
        this.subscribers = subscribers;
        this.uploads = uploads;
        this.width = width;
        this.height = height;
    }

    void run(Results results) throws Exception {
        Files.createDirectories(work);
        byte[] photo = TestImages.phoneJpeg(width, height, 6);
        String section = "live wall: " + subscribers + " subscribers, " + uploads + " uploads of "
                + String.format("%.1f", width * height / 1e6) + " MP at 1/s";
        try (LocalStack stack = LocalStack.start(
                LocalStackConfig.onFreePorts(root, work.resolve("stack-" + System.currentTimeMillis())), System.out)) {
            HttpClient http = HttpClient.newHttpClient();
            String token = DemoGuestLink.organiserToken(http, stack);
            String eventId = "wall-bench-" + UUID.randomUUID().toString().substring(0, 8);
            call(http, stack, token, "POST", "/events", "{\"eventId\":\"" + eventId + "\",\"name\":\"Wall bench\"}");
            JsonNode live = call(http, stack, token, "GET", "/events/" + eventId + "/live", null);
            List<LiveEventsClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < subscribers; i++) {
                    LiveEventsClient client =
                            LiveEventsClient.connect(live.get("realtimeUrl").asText(), "Bearer " + token);
                    if (!"subscribe_success"
                            .equals(client.subscribe("wall", live.get("channel").asText(), null)
                                    .path("type")
                                    .asText())) {
                        throw new IllegalStateException("subscriber " + i + " was refused");
                    }
                    clients.add(client);
                }
                // the uploads come from a crowd (one guest may start 30 a minute): ten guests of a link without review
                String link = call(
                                http,
                                stack,
                                token,
                                "POST",
                                "/events/" + eventId + "/invites",
                                "{\"signInRequired\":false,\"requireReview\":false}")
                        .get("code")
                        .asText();
                List<String> guests = new ArrayList<>();
                for (int g = 0; g < GUESTS; g++) {
                    guests.add(call(
                                    http,
                                    stack,
                                    null,
                                    "POST",
                                    "/invites/" + link + "/guest-sessions",
                                    "{\"name\":\"Guest " + g + "\"}")
                            .get("token")
                            .asText());
                }
                long cpuBefore = eventServerCpuNanos();
                Map<String, Long> putDone = new HashMap<>();
                Instant start = Instant.now();
                for (int i = 0; i < uploads; i++) {
                    sleepUntil(start.plusSeconds(i));
                    JsonNode upload = call(
                            http,
                            stack,
                            guests.get(i % GUESTS),
                            "POST",
                            "/events/" + eventId + "/photos/initiate-upload",
                            "{\"title\":\"wall " + i + "\",\"contentType\":\"image/jpeg\",\"contentLength\":"
                                    + photo.length + "}");
                    Map<String, String> headers = new HashMap<>();
                    upload.get("headers")
                            .fields()
                            .forEachRemaining(
                                    h -> headers.put(h.getKey(), h.getValue().asText()));
                    int status = BrowserStylePut.put(
                                    upload.get("s3PutObjectUrl").asText(), headers, photo)
                            .status();
                    if (status != 200) {
                        throw new IllegalStateException("PUT answered " + status);
                    }
                    putDone.put(upload.get("photoId").asText(), System.currentTimeMillis());
                }
                List<Long> fromPut = new ArrayList<>();
                List<Long> fromRecord = new ArrayList<>();
                int duplicates = 0;
                int missing = 0;
                for (LiveEventsClient client : clients) {
                    Map<String, Integer> seen = new HashMap<>();
                    Instant deadline = Instant.now().plusSeconds(120);
                    while (seen.size() < uploads && Instant.now().isBefore(deadline)) {
                        JsonNode data = client.nextData(Duration.ofSeconds(5));
                        if (data == null) {
                            continue;
                        }
                        JsonNode event = JSON.readTree(data.get("event").asText());
                        String photoId = event.path("photoId").asText();
                        long received = data.get(LiveEventsClient.RECEIVED_AT).asLong();
                        if (seen.merge(photoId, 1, Integer::sum) > 1) {
                            duplicates++;
                        } else if (putDone.containsKey(photoId)) {
                            fromPut.add(received - putDone.get(photoId));
                            fromRecord.add(received
                                    - Instant.parse(event.path("at").asText()).toEpochMilli());
                        }
                    }
                    missing += uploads - seen.size();
                    while (client.nextData(Duration.ofMillis(10)) != null) {
                        duplicates++;
                    }
                }
                long cpuMillis = (eventServerCpuNanos() - cpuBefore) / 1_000_000;
                long seconds =
                        Math.max(1, Duration.between(start, Instant.now()).toSeconds());
                results.add(section, "deliveries expected", (double) subscribers * uploads, "events", null, null);
                results.add(section, "deliveries received once", fromPut.size(), "events", null, null);
                results.add(section, "missing", missing, "events", null, "must be 0");
                results.add(section, "duplicates", duplicates, "events", null, "must be 0");
                percentiles(results, section, "PUT done -> event received", fromPut);
                percentiles(results, section, "record write -> event received", fromRecord);
                results.add(
                        section,
                        "event server CPU (its Vert.x threads)",
                        cpuMillis,
                        "ms",
                        null,
                        String.format("%.1f %% of one core over %d s", 100.0 * cpuMillis / (seconds * 1000), seconds));
                results.add(
                        section,
                        "events delivered by the server",
                        stack.liveEvents().delivered(),
                        "messages",
                        null,
                        stack.liveEvents().published() + " published");
                Runtime runtime = Runtime.getRuntime();
                results.add(
                        section,
                        "heap used by the JVM holding server and subscribers",
                        (runtime.totalMemory() - runtime.freeMemory()) / (1024.0 * 1024),
                        "MiB",
                        null,
                        "RSS " + rssMib() + " MiB (the stack's in-process servers and the " + subscribers
                                + " client sockets together)");
            } finally {
                clients.forEach(LiveEventsClient::close);
            }
        }
    }

    private static void percentiles(Results results, String section, String name, List<Long> millis) {
        if (millis.isEmpty()) {
            results.add(section, name + " p50", Double.NaN, "ms", null, "nothing received");
            return;
        }
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        results.add(section, name + " p50", at(sorted, 0.50), "ms", null, null);
        results.add(section, name + " p95", at(sorted, 0.95), "ms", null, null);
        results.add(section, name + " max", sorted[sorted.length - 1], "ms", null, sorted.length + " deliveries");
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    /** CPU of the event server's threads: Vert.x runs nothing else in this JVM. */
    private static long eventServerCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
                .filter(info -> info != null && info.getThreadName().startsWith("vert.x-"))
                .mapToLong(info -> Math.max(0, threads.getThreadCpuTime(info.getThreadId())))
                .sum();
    }

    private static long rssMib() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
                    .findFirst()
                    .orElse(-1L);
        } catch (Exception e) {
            return -1;
        }
    }

    private static void sleepUntil(Instant at) throws InterruptedException {
        long wait = Duration.between(Instant.now(), at).toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    /** One API call of the stack's as {@code token} (null: none), its JSON answer; a non-2xx answer throws. */
    static JsonNode call(HttpClient http, LocalStack stack, String token, String method, String path, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.apiUrl() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(
                request.header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
