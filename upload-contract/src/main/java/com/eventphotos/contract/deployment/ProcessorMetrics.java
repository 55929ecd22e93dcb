package com.eventphotos.contract.deployment;

/**
 * The CloudWatch metrics the processor publishes through the Embedded Metric Format (its per-photo log line), and
 * infra alarms on: the namespace, the names, and the dimension that tells one deployment's processor from another's.
 */
public final class ProcessorMetrics {

    public static final String NAMESPACE = "EventPhotos";

    /** Dimension: the function's name (Lambda's {@code AWS_LAMBDA_FUNCTION_NAME}). */
    public static final String FUNCTION_DIMENSION = "Function";

    /** From the S3 event's {@code eventTime} (the object stored) to the photo's record written, in milliseconds. */
    public static final String UPLOAD_TO_RECORD_MS = "UploadToRecordMs";

    /** One photo's processing in this invocation, from reading the upload to writing the record, in milliseconds. */
    public static final String PROCESSING_MS = "ProcessingMs";

    private ProcessorMetrics() {}
}
