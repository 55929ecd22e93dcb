package com.eventphotos.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.eventphotos.emulators.RepositoryPaths;
import com.eventphotos.testsupport.TestImages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults injected from outside while photos are uploaded, as the issue that asked for supervision describes them: the
 * processor's process killed (SIGKILL) twice while it holds invocations, the S3 server frozen (SIGSTOP) and thawed,
 * the API restarted. The client retries as a real one does (connection errors, 5xx with Retry-After, a PUT that did
 * not come back). Every photo must end READY exactly once, with one set of renditions and nothing left over; then
 * the S3 server is killed, and the stack says so by name.
 */
class LocalStackFaultTest {

    private static final int PHOTOS = 24;
    private static final int UPLOADERS = 3;
    private static final Duration FREEZE = Duration.ofSeconds(4);
    private static final Duration ALL_READY_DEADLINE = Duration.ofMinutes(3);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static LocalStack stack;
    private final List<String> injected = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger clientRetries = new AtomicInteger();
    private final Instant start = Instant.now();

    @BeforeAll
    static void startStack() {
        Path root = RepositoryPaths.find("local-stack").getParent();
        stack = LocalStack.start(
                LocalStackConfig.onFreePorts(
                        root, RepositoryPaths.targetDir("fault-stack-" + System.currentTimeMillis())),
                System.out);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void uploads_shouldEachEndReadyExactlyOnce_whenTheProcessorIsKilledS3FreezesAndTheApiRestarts() throws Exception {
        WebClientSession session =
                WebClientSession.signIn(stack, LocalStackConfig.ORGANISER_USERNAME, stack.organiserPassword());
        String eventId = session.createEvent("faults-" + System.currentTimeMillis());
        ConcurrentLinkedQueue<Integer> toUpload = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < PHOTOS; i++) {
            toUpload.add(i);
        }
        Set<String> photoIds = Collections.synchronizedSet(new TreeSet<>());
        ExecutorService uploaders = Executors.newFixedThreadPool(UPLOADERS);
        List<Future<?>> running = new ArrayList<>();
        for (int u = 0; u < UPLOADERS; u++) {
            running.add(uploaders.submit(() -> {
                for (Integer n = toUpload.poll(); n != null; n = toUpload.poll()) {
                    photoIds.add(upload(session, eventId, n));
                    pause(Duration.ofMillis(1200));
                }
                return null;
            }));
        }

        killProcessorWhileItWorks();
        pause(Duration.ofSeconds(2));
        freezeS3();
        pause(Duration.ofSeconds(2));
        long oldApi = StackProbes.apiPid(stack);
        StackProbes.restartApi(stack);
        note("restarted the API (pid " + oldApi + " -> " + StackProbes.apiPid(stack) + ")");
        killProcessorWhileItWorks();
        for (Future<?> uploader : running) {
            uploader.get(3, TimeUnit.MINUTES);
        }
        uploaders.shutdown();
        assertEquals(PHOTOS, photoIds.size());

        Map<String, String> status = awaitAllReady(session, eventId, photoIds);
        note("all " + PHOTOS + " READY " + secondsSinceStart() + " s after the start");

        System.out.println("== faults injected:\n  " + String.join("\n  ", injected));
        System.out.println(
                "== seen: processor restarts " + StackProbes.processorRestarts(stack) + ", failed invocations retried "
                        + countInLambdaLog("FAILED") + ", client retries " + clientRetries.get() + ", dead letters "
                        + StackProbes.deadLetteredEvents(stack));

        assertTrue(status.values().stream().allMatch("READY"::equals), status.toString());
        assertEquals(2, StackProbes.processorRestarts(stack), "the processor was replaced after each kill");
        assertEquals(0, StackProbes.deadLetteredEvents(stack), "no event was given up on");
        JsonNode listed = session.list(eventId).get("items");
        List<String> listedIds = new ArrayList<>();
        listed.forEach(item -> listedIds.add(item.get("photoId").asText()));
        assertEquals(PHOTOS, listedIds.size(), "one record per photo: " + listedIds);
        assertEquals(photoIds, new TreeSet<>(listedIds));
        assertNothingHalfWritten(eventId, photoIds);

        // a server the stack cannot do without dies: the stack says which, instead of running half-broken
        long s3 = StackProbes.s3ServerPid(stack);
        ProcessHandle.of(s3).ifPresent(ProcessHandle::destroyForcibly);
        String failure = stack.failure().get(15, TimeUnit.SECONDS);
        System.out.println("== after killing the S3 server (pid " + s3 + "): " + failure);
        assertTrue(failure.startsWith("the S3 server (pid " + s3 + ") exited"), failure);
    }

    /** Every photo has its original and exactly its six renditions; no other object of the event exists. */
    private static void assertNothingHalfWritten(String eventId, Set<String> photoIds) {
        try (S3Client s3 = LocalStackProbes.newS3Client(stack)) {
            Map<String, Integer> renditionsPerPhoto = new TreeMap<>();
            for (S3Object object : s3.listObjectsV2Paginator(
                            l -> l.bucket(LocalStackConfig.BUCKET).prefix("photos/event_" + eventId + "/"))
                    .contents()) {
                String photoId = object.key().split("/")[2];
                renditionsPerPhoto.merge(photoId, 1, Integer::sum);
            }
            assertEquals(photoIds, renditionsPerPhoto.keySet(), "renditions of exactly these photos");
            renditionsPerPhoto.forEach(
                    (photo, count) -> assertEquals(6, count, photo + ": 3 widths as JPEG and WebP, once"));
            List<String> originals = s3
                    .listObjectsV2Paginator(
                            l -> l.bucket(LocalStackConfig.BUCKET).prefix("uploads/event_" + eventId + "/"))
                    .contents()
                    .stream()
                    .map(S3Object::key)
                    .toList();
            assertEquals(PHOTOS, originals.size(), originals.toString());
        }
    }

    /** initiate-upload and the PUT, each retried as a real client retries; the photo's id. */
    private String upload(WebClientSession session, String eventId, int n) throws Exception {
        byte[] photo = TestImages.phoneJpeg(800, 600, 1 + n % 8);
        ObjectNode body = WebClientSession.JSON
                .createObjectNode()
                .put("title", "Mom's 60th (garden)! #" + n)
                .put("description", "사진 " + n)
                .put("contentType", "image/jpeg")
                .put("contentLength", photo.length);
        HttpResponse<String> initiated = patiently(() -> HttpRequest.newBuilder(
                        URI.create(stack.apiUrl() + "/events/" + eventId + "/photos/initiate-upload"))
                .header("Authorization", "Bearer " + session.accessToken())
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
        assertEquals(201, initiated.statusCode(), initiated.body());
        JsonNode upload = WebClientSession.JSON.readTree(initiated.body());
        HttpResponse<String> put = patiently(() -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create(upload.get("s3PutObjectUrl").asText()))
                    .timeout(Duration.ofSeconds(20))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(photo));
            WebClientSession.headersOf(upload).forEach((name, value) -> {
                if (!name.equalsIgnoreCase("Content-Length")) {
                    request.header(name, value);
                }
            });
            return request.build();
        });
        assertEquals(200, put.statusCode(), put.body());
        return upload.get("photoId").asText();
    }

    /** Polls every photo (GET, retried) until none is still being processed. */
    private Map<String, String> awaitAllReady(WebClientSession session, String eventId, Set<String> photoIds)
            throws Exception {
        Map<String, String> status = new TreeMap<>();
        Instant deadline = Instant.now().plus(ALL_READY_DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            for (String photoId : photoIds) {
                if (!"READY".equals(status.get(photoId))) {
                    HttpResponse<String> photo = patiently(() -> HttpRequest.newBuilder(
                                    URI.create(stack.apiUrl() + "/events/" + eventId + "/photos/" + photoId))
                            .header("Authorization", "Bearer " + session.accessToken())
                            .timeout(Duration.ofSeconds(20))
                            .build());
                    status.put(
                            photoId,
                            photo.statusCode() == 200
                                    ? WebClientSession.JSON
                                            .readTree(photo.body())
                                            .get("status")
                                            .asText()
                                    : "HTTP " + photo.statusCode());
                }
            }
            if (status.values().stream().allMatch("READY"::equals)) {
                return status;
            }
            pause(Duration.ofSeconds(1));
        }
        return status;
    }

    private interface RequestFactory {
        HttpRequest next() throws Exception;
    }

    /** Sends until the answer is neither a network error nor a 5xx, waiting as Retry-After says (or 1 s). */
    private HttpResponse<String> patiently(RequestFactory request) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            try {
                HttpResponse<String> response = HTTP.send(request.next(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() < 500 || Instant.now().isAfter(deadline)) {
                    return response;
                }
                clientRetries.incrementAndGet();
                long wait = response.headers().firstValueAsLong("Retry-After").orElse(1);
                pause(Duration.ofSeconds(wait));
            } catch (IOException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                clientRetries.incrementAndGet();
                pause(Duration.ofMillis(500));
            }
        }
    }

    private void killProcessorWhileItWorks() {
        awaitTrue(
                () -> StackProbes.processorInvocationsInFlight(stack) > 0,
                Duration.ofSeconds(60),
                "the processor busy");
        long pid = StackProbes.processorPid(stack);
        int held = StackProbes.processorInvocationsInFlight(stack);
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        note("killed the processor (pid " + pid + ", SIGKILL) while it held " + held + " invocation(s)");
        awaitTrue(() -> StackProbes.processorPid(stack) != pid, Duration.ofSeconds(30), "a new processor process");
    }

    private void freezeS3() throws Exception {
        long pid = StackProbes.s3ServerPid(stack);
        signal("STOP", pid);
        note("froze the S3 server (pid " + pid + ", SIGSTOP) for " + FREEZE.toSeconds() + " s");
        pause(FREEZE);
        signal("CONT", pid);
        note("thawed the S3 server (SIGCONT)");
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start();
        assertTrue(kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -" + signal + " " + pid);
    }

    private void note(String fault) {
        injected.add("+" + secondsSinceStart() + " s: " + fault);
    }

    private long secondsSinceStart() {
        return Duration.between(start, Instant.now()).toSeconds();
    }

    private static long countInLambdaLog(String word) throws IOException {
        Path log = stack.logDir().resolve("lambda-runtime.log");
        return Files.exists(log)
                ? Files.readAllLines(log).stream()
                        .filter(line -> line.contains(" " + word + " "))
                        .count()
                : 0;
    }

    private static void awaitTrue(BooleanSupplier condition, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what);
            }
            pause(Duration.ofMillis(20));
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
