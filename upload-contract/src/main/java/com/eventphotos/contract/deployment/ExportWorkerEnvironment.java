package com.eventphotos.contract.deployment;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment the export worker is started with: infra sets it on the Lambda, the local stack on the unpacked
 * function. Names are the environment form of the worker's {@code application.properties} keys; the limits below are
 * shared by the function, its queue and the local stack's imitation of both.
 *
 * @param exportQueueUrl where the worker queues the message that continues a job
 */
public record ExportWorkerEnvironment(String bucket, String table, String exportsTable, String exportQueueUrl) {

    public static final String BUCKET = "EVENT_PHOTOS_BUCKET";
    public static final String TABLE = "EVENT_PHOTOS_TABLE";
    public static final String EXPORTS_TABLE = "EVENT_PHOTOS_EXPORTS_TABLE";
    public static final String EXPORT_QUEUE_URL = "EVENT_PHOTOS_EXPORT_QUEUE_URL";

    /**
     * Memory in AWS (the local stack gives its JVM the same): one part (8 MiB) plus one original (at most 25 MiB) is
     * what the worker holds; the rest buys network and CPU. Measured peak RSS: README, Exports.
     */
    public static final int MEMORY_MB = 512;
    /** The function's timeout; an invocation stops at a part boundary well before (ExportConfig's reserve). */
    public static final Duration TIMEOUT = Duration.ofMinutes(5);
    /** SQS visibility timeout: six times the function's timeout, as AWS advises for an SQS event source. */
    public static final Duration VISIBILITY_TIMEOUT = TIMEOUT.multipliedBy(6);
    /** Deliveries of one message before it moves to the dead-letter queue. */
    public static final String MAX_RECEIVE_COUNT = "5";

    public Map<String, String> variables() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(BUCKET, bucket);
        env.put(TABLE, table);
        env.put(EXPORTS_TABLE, exportsTable);
        env.put(EXPORT_QUEUE_URL, exportQueueUrl);
        return env;
    }
}
