package com.eventphotos.contract.deployment;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment the export worker is started with: infra sets it on the Lambda, the local stack on the unpacked
 * function. Names are the environment form of the worker's {@code application.properties} keys; the queue limits below
 * are shared by infra and the local stack ({@link FunctionSpec#EXPORT_WORKER}: memory and timeout).
 *
 * @param exportQueueUrl where the worker queues the message that continues a job
 */
public record ExportWorkerEnvironment(String bucket, String table, String exportsTable, String exportQueueUrl) {

    public static final String BUCKET = "EVENT_PHOTOS_BUCKET";
    public static final String TABLE = "EVENT_PHOTOS_TABLE";
    public static final String EXPORTS_TABLE = "EVENT_PHOTOS_EXPORTS_TABLE";
    public static final String EXPORT_QUEUE_URL = "EVENT_PHOTOS_EXPORT_QUEUE_URL";

    /** SQS visibility timeout: six times the function's timeout, as AWS advises for an SQS event source. */
    public static final Duration VISIBILITY_TIMEOUT =
            FunctionSpec.EXPORT_WORKER.timeout().multipliedBy(6);
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
