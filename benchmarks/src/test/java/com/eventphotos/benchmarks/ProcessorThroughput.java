package com.eventphotos.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.eventphotos.contract.InvalidPhotoMetadataException;
import com.eventphotos.contract.PhotoMetadata;
import com.eventphotos.contract.PhotoRecord;
import com.eventphotos.contract.Rendition;
import com.eventphotos.contract.Renditions;
import com.eventphotos.contract.deployment.FunctionSpec;
import com.eventphotos.localstack.ChildProcess;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Records per second through the real processor (function.zip, AWS's runtime client, local S3 + DynamoDB
 * Local, libvips) for notifications of 1 and 10 records, each a phone JPEG that gets verified and its three
 * renditions stored; and where a record's time goes besides rendering: GetObject and PutItem timed alone from
 * this JVM against the same servers.
 */
final class ProcessorThroughput {

    private final Path root;
    private final Path workDir;
    private final int recordsPerBatchSize;
    private final byte[] photo;

    ProcessorThroughput(Path root, Path workDir, int recordsPerBatchSize, byte[] photo) {
        this.root = root;
        this.workDir = workDir;
        this.recordsPerBatchSize = recordsPerBatchSize;
        this.photo = photo;
    }

    void run(Results results) throws Exception {
        try (ProcessorRig rig = new ProcessorRig(root, workDir)) {
            int[] batchSizes = {1, 10};
            rig.upload(recordsPerBatchSize * (batchSizes.length + 1), photo);
            List<String> keys = rig.keys();
            try (ChildProcess function = rig.startFunction(List.of(), "throughput")) {
                // warm-up: one pass over a separate set of keys
                int invocations = invokeAll(rig, keys.subList(0, recordsPerBatchSize), 10);
                rig.awaitSucceeded(invocations, function, 120_000);
                int done = invocations;
                int offset = recordsPerBatchSize;
                for (int batchSize : batchSizes) {
                    List<String> slice = keys.subList(offset, offset + recordsPerBatchSize);
                    offset += recordsPerBatchSize;
                    long start = System.nanoTime();
                    done += invokeAll(rig, slice, batchSize);
                    rig.awaitSucceeded(done, function, 300_000);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    String section = "processor (" + batchSize + " record" + (batchSize == 1 ? "" : "s") + "/event)";
                    results.add(
                            section,
                            "records processed per second",
                            slice.size() / seconds,
                            "records/s",
                            "",
                            slice.size() + " records in " + (slice.size() / batchSize)
                                    + " events, one function instance; each a " + photo.length / 1024
                                    + " KiB JPEG, verified, 3 widths stored as JPEG and WebP");
                    results.add(
                            section,
                            "events per second",
                            (slice.size() / (double) batchSize) / seconds,
                            "events/s",
                            "",
                            "");
                    results.add(section, "time per record", seconds * 1e6 / slice.size(), "us/record", "", "");
                }
                // what sizes the Lambda's memory: the function's whole process after all of the above
                Map<String, Long> memory = Benchmarks.memoryOf(function.pid());
                results.add(
                        "processor memory",
                        "function process peak RSS (VmHWM)",
                        memory.get("VmHWM") / 1024.0,
                        "MiB",
                        "",
                        "JVM heap limit " + FunctionSpec.PROCESSOR.heapLimitMb() + " MiB; RSS now "
                                + memory.get("VmRSS") / 1024 + " MiB");
            }
            breakdown(rig, keys.subList(0, Math.min(200, keys.size())), results);
        }
    }

    private static int invokeAll(ProcessorRig rig, List<String> keys, int batchSize) {
        int invocations = 0;
        for (int i = 0; i < keys.size(); i += batchSize) {
            rig.runtime.invokeAsync(rig.event(keys.subList(i, Math.min(keys.size(), i + batchSize))));
            invocations++;
        }
        return invocations;
    }

    private static PhotoMetadata metadataOf(Map<String, String> userMetadata) {
        try {
            return PhotoMetadata.fromUserMetadata(userMetadata);
        } catch (InvalidPhotoMetadataException e) {
            throw new IllegalStateException("benchmark objects carry our metadata", e);
        }
    }

    /** GetObject and PutItem alone, as the processor issues them (after a warm-up). */
    private static void breakdown(ProcessorRig rig, List<String> keys, Results results) {
        try (S3Client s3 = rig.s3.newClient();
                DynamoDbClient dynamo = rig.dynamoDb.newClient()) {
            List<Double> head = new ArrayList<>();
            List<Double> put = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                head.clear();
                put.clear();
                for (String key : keys) {
                    long t0 = System.nanoTime();
                    var response = s3.getObjectAsBytes(
                            g -> g.bucket(ProcessorRig.BUCKET).key(key));
                    long t1 = System.nanoTime();
                    PhotoMetadata metadata = metadataOf(response.response().metadata());
                    String renditionKey = Renditions.key(metadata.key(), 1920);
                    var record = PhotoRecord.ready(
                            metadata,
                            response.response().contentLength(),
                            4032,
                            3024,
                            List.of(new Rendition(
                                    renditionKey,
                                    Renditions.url("https://cdn.example.com", renditionKey),
                                    1920,
                                    1440,
                                    400_000,
                                    Renditions.url("https://cdn.example.com", Renditions.webpKey(metadata.key(), 1920)),
                                    200_000)),
                            java.time.Instant.now(),
                            java.time.Instant.now(),
                            "F" + System.nanoTime(),
                            response.response().eTag());
                    long t2 = System.nanoTime();
                    dynamo.putItem(record.putIfNewer(ProcessorRig.TABLE));
                    long t3 = System.nanoTime();
                    head.add((t1 - t0) / 1e3);
                    put.add((t3 - t2) / 1e3);
                }
            }
            results.add(
                    "processor breakdown",
                    "GetObject of the upload (local S3 server)",
                    Results.median(head),
                    "us (median)",
                    "",
                    keys.size() + " calls from the benchmark JVM");
            results.add(
                    "processor breakdown",
                    "conditional PutItem (DynamoDB Local)",
                    Results.median(put),
                    "us (median)",
                    "",
                    keys.size() + " calls from the benchmark JVM");
        }
    }
}
