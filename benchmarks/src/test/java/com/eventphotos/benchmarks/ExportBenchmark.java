package com.eventphotos.benchmarks;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.eventphotos.contract.PhotoRecord;
import com.eventphotos.localstack.DemoGuestLink;
import com.eventphotos.localstack.LocalStack;
import com.eventphotos.localstack.LocalStackConfig;
import com.eventphotos.localstack.LocalStackProbes;
import com.eventphotos.testsupport.SeededPhotos;
import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An export through the local stack: an event of {@code photos} originals of {@code bytesEach} (random bytes, as
 * incompressible as JPEGs) seeded straight into its S3 server and photo table, exported by the packaged worker behind
 * the local runtime API, fed by ElasticMQ. Measured: time from POST to READY, MB/s, the archives' bytes against the
 * originals' (ZIP overhead), and the worker process's peak RSS (VmHWM). Beside it, the floor: reading the same
 * originals from the same S3 server with one client, which no export can beat.
 */
final class ExportBenchmark {

    private final Path root;
    private final Path work;
    private final int photos;
    private final int bytesEach;

    ExportBenchmark(Path root, Path work, int photos, int bytesEach) {
        this.root = root;
        this.work = work;
        this.photos = photos;
        this.bytesEach = bytesEach;
    }

    void run(Results results) throws Exception {
        Files.createDirectories(work);
        String section = "export: " + photos + " photos of " + String.format("%.2f", bytesEach / 1e6) + " MB";
        try (LocalStack stack = LocalStack.start(
                        LocalStackConfig.onFreePorts(root, work.resolve("stack-" + System.currentTimeMillis())),
                        System.out);
                S3Client s3 = LocalStackProbes.newS3Client(stack);
                DynamoDbClient dynamo = LocalStackProbes.newDynamoDbClient(stack)) {
            HttpClient http = HttpClient.newHttpClient();
            String token = DemoGuestLink.organiserToken(http, stack);
            String eventId = "export-bench-" + UUID.randomUUID().toString().substring(0, 8);
            WallBenchmark.call(
                    http,
                    stack,
                    token,
                    "POST",
                    "/events",
                    "{\"eventId\":\"" + eventId + "\",\"name\":\"Export bench\"}");
            // beside uploads/, which the stack's processor would reject (random bytes are no image) and delete
            SeededPhotos seeded =
                    new SeededPhotos(s3, dynamo, LocalStackConfig.BUCKET, LocalStackConfig.TABLE, "bench-originals/");
            Random random = new Random(27);
            byte[] original = new byte[bytesEach];
            List<PhotoRecord> records = new ArrayList<>();
            Instant at = Instant.parse("2026-06-13T12:00:00Z");
            for (int i = 0; i < photos; i++) {
                random.nextBytes(original);
                records.add(seeded.put(
                        SeededPhotos.Photo.of(eventId, "사진 " + i + " Mom's party", "organiser", at.plusSeconds(i)),
                        original));
            }
            long originalBytes = (long) photos * bytesEach;
            long idleHwm = peakRssKib(LocalStackProbes.exportWorkerPid(stack));

            long started = System.nanoTime();
            String exportId = WallBenchmark.call(http, stack, token, "POST", "/events/" + eventId + "/exports", null)
                    .get("exportId")
                    .asText();
            JsonNode export;
            do {
                Thread.sleep(250);
                export = WallBenchmark.call(
                        http, stack, token, "GET", "/events/" + eventId + "/exports/" + exportId, null);
            } while (List.of("QUEUED", "RUNNING").contains(export.get("status").asText()));
            double seconds = (System.nanoTime() - started) / 1e9;
            if (!"READY".equals(export.get("status").asText())) {
                throw new IllegalStateException("the export ended " + export);
            }
            long archiveBytes = 0;
            for (JsonNode archive : export.get("archives")) {
                archiveBytes += archive.get("bytes").asLong();
            }
            long peak = peakRssKib(LocalStackProbes.exportWorkerPid(stack));

            long floorStarted = System.nanoTime();
            byte[] copy = new byte[64 * 1024];
            for (PhotoRecord record : records) {
                try (InputStream in =
                        s3.getObject(g -> g.bucket(LocalStackConfig.BUCKET).key(record.s3Key()))) {
                    while (in.read(copy) > 0) {
                        // read and dropped: only the time matters
                    }
                }
            }
            double floorSeconds = (System.nanoTime() - floorStarted) / 1e9;

            results.add(section, "originals", originalBytes / 1e6, "MB", null, photos + " photos");
            results.add(
                    section,
                    "archives",
                    archiveBytes / 1e6,
                    "MB",
                    null,
                    export.get("archives").size() + " archive(s), overhead "
                            + String.format("%.3f %%", 100.0 * (archiveBytes - originalBytes) / originalBytes));
            results.add(section, "POST -> READY", seconds, "s", null, null);
            results.add(section, "export throughput", originalBytes / 1e6 / seconds, "MB/s", null, null);
            results.add(
                    section,
                    "floor: GET every original, one client",
                    originalBytes / 1e6 / floorSeconds,
                    "MB/s",
                    null,
                    String.format("%.1f s", floorSeconds));
            results.add(
                    section,
                    "export worker peak RSS (VmHWM)",
                    peak / 1024.0,
                    "MiB",
                    null,
                    String.format("%.0f MiB when idle, before the export; target <= 256 MiB", idleHwm / 1024.0));
        }
    }

    /** The process's peak resident set (VmHWM), in KiB. */
    private static long peakRssKib(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(line -> line.startsWith("VmHWM:"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst()
                .orElse(-1L);
    }
}
