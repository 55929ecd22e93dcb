package com.eventphotos.processor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;

import org.jboss.logging.Logger;

import com.eventphotos.contract.UploadKey;
import com.eventphotos.contract.deployment.ProcessorMetrics;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * One JSON line per processed photo, with the time of every step and the delay from the object stored (the S3
 * event's {@code eventTime}) to the record written. The line is in CloudWatch's Embedded Metric Format: in Lambda,
 * CloudWatch Logs turns its {@link ProcessorMetrics} into metrics (no API call, nothing to wait for); locally it is
 * a line in the processor's log. It goes to the {@link #CATEGORY} logger, whose handler prints the bare line.
 */
@ApplicationScoped
public class PhotoTimingLog {

    public static final String CATEGORY = "com.eventphotos.processor.timing";

    private static final Logger LOG = Logger.getLogger(CATEGORY);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LongUnaryOperator MILLIS =
            nanos -> Math.max(0, Duration.ofNanos(nanos).toMillis());

    private final String function = System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "process-uploaded-photo");
    private final Clock clock = Clock.systemUTC();

    public void written(UploadKey key, String outcome, Instant uploadedAt, PhotoTimings timings) {
        Instant now = clock.instant();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put(
                "_aws",
                Map.of(
                        "Timestamp",
                        now.toEpochMilli(),
                        "CloudWatchMetrics",
                        List.of(Map.of(
                                "Namespace",
                                ProcessorMetrics.NAMESPACE,
                                "Dimensions",
                                List.of(List.of(ProcessorMetrics.FUNCTION_DIMENSION)),
                                "Metrics",
                                List.of(
                                        metric(ProcessorMetrics.UPLOAD_TO_RECORD_MS),
                                        metric(ProcessorMetrics.PROCESSING_MS))))));
        line.put(ProcessorMetrics.FUNCTION_DIMENSION, function);
        line.put("message", "photo processed");
        line.put("outcome", outcome);
        line.put("eventId", key.eventId());
        line.put("photoId", key.photoId().toString());
        line.put(
                ProcessorMetrics.UPLOAD_TO_RECORD_MS,
                Math.max(0, Duration.between(uploadedAt, now).toMillis()));
        line.put(ProcessorMetrics.PROCESSING_MS, MILLIS.applyAsLong(timings.totalNanos()));
        line.put("stepsMs", millis(timings.steps()));
        line.put("encodeMs", millis(timings.encodes()));
        line.put("storeMs", millis(timings.stores()));
        try {
            LOG.info(JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            LOG.warnf("timing line of %s not written: %s", key, e.getMessage());
        }
    }

    private static Map<String, Object> metric(String name) {
        return Map.of("Name", name, "Unit", "Milliseconds");
    }

    private static Map<String, Long> millis(Map<String, Long> nanos) {
        Map<String, Long> millis = new LinkedHashMap<>();
        nanos.forEach((name, value) -> millis.put(name, MILLIS.applyAsLong(value)));
        return millis;
    }
}
