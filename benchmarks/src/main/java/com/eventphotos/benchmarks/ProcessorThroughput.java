package com.eventphotos.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.eventphotos.contract.InvalidPhotoMetadataException;
import com.eventphotos.contract.PhotoMetadata;
import com.eventphotos.contract.PhotoRecord;
import com.eventphotos.localstack.ChildProcess;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Events per second through the real processor (function.zip, AWS's runtime client, local S3 + DynamoDB
 * Local) for notifications of 1, 10 and 100 records, and where a record's time goes: HeadObject and
 * PutItem timed alone from this JVM against the same servers; the rest is ours plus the invocation.
 */
final class ProcessorThroughput {

    private final Path root;
    private final Path workDir;
    private final int recordsPerBatchSize;

    ProcessorThroughput(Path root, Path workDir, int recordsPerBatchSize) {
        this.root = root;
        this.workDir = workDir;
        this.recordsPerBatchSize = recordsPerBatchSize;
    }

    void run(Results results) throws Exception {
        try (ProcessorRig rig = new ProcessorRig(root, workDir)) {
            int[] batchSizes = {1, 10, 100};
            rig.upload(recordsPerBatchSize * (batchSizes.length + 1));
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
                                    + " events, one function instance");
                    results.add(
                            section,
                            "events per second",
                            (slice.size() / (double) batchSize) / seconds,
                            "events/s",
                            "",
                            "");
                    results.add(section, "time per record", seconds * 1e6 / slice.size(), "us/record", "", "");
                }
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

    /** HeadObject and PutItem alone, as the processor issues them (after a warm-up). */
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
                    var response =
                            s3.headObject(h -> h.bucket(ProcessorRig.BUCKET).key(key));
                    long t1 = System.nanoTime();
                    var record = PhotoRecord.ready(
                            metadataOf(response.metadata()),
                            response.contentLength(),
                            "https://cdn.example.com",
                            java.time.Instant.now(),
                            java.time.Instant.now(),
                            "F" + System.nanoTime());
                    long t2 = System.nanoTime();
                    dynamo.putItem(record.putIfNewer(ProcessorRig.TABLE));
                    long t3 = System.nanoTime();
                    head.add((t1 - t0) / 1e3);
                    put.add((t3 - t2) / 1e3);
                }
            }
            results.add(
                    "processor breakdown",
                    "HeadObject (local S3 server)",
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
