package com.eventphotos.processor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.eventphotos.contract.deployment.ProcessorMetrics;
import com.eventphotos.testsupport.CapturedLog;
import com.eventphotos.testsupport.TestImages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each processed photo leaves one Embedded Metric Format line with the time of every step. */
@QuarkusTest
@RealServers
class PhotoTimingLogTest {

    @Test
    void process_shouldLogOneTimingLinePerPhoto_withEveryStepAndTheDelayFromUpload() throws Exception {
        Uploads.Uploaded upload = Uploads.png("timing", "Garden party", TestImages.png(700, 500));
        List<String> lines;
        try (CapturedLog log = CapturedLog.of(PhotoTimingLog.CATEGORY)) {
            given().body(upload.createdEvent()).post().then().statusCode(200).body("stored", equalTo(1));
            lines = log.lines();
        }

        assertEquals(1, lines.size(), lines.toString());
        JsonNode line = new ObjectMapper().readTree(lines.get(0));
        assertEquals(upload.metadata().photoId().toString(), line.get("photoId").asText());
        assertEquals("STORED", line.get("outcome").asText());
        JsonNode metrics = line.at("/_aws/CloudWatchMetrics/0");
        assertEquals(ProcessorMetrics.NAMESPACE, metrics.get("Namespace").asText());
        assertEquals(
                ProcessorMetrics.FUNCTION_DIMENSION,
                metrics.at("/Dimensions/0/0").asText());
        assertTrue(line.get(ProcessorMetrics.FUNCTION_DIMENSION).isTextual(), "the dimension's value is on the line");
        for (JsonNode metric : metrics.get("Metrics")) {
            assertTrue(line.get(metric.get("Name").asText()).isNumber(), "metric value at top level: " + metric);
        }
        long total = line.get(ProcessorMetrics.PROCESSING_MS).asLong();
        assertTrue(line.get(ProcessorMetrics.UPLOAD_TO_RECORD_MS).asLong() >= 0);

        Map<String, Long> steps = millis(line.get("stepsMs"));
        assertEquals(
                List.of(
                        PhotoTimings.READ,
                        PhotoTimings.VERIFY,
                        PhotoTimings.DECODE,
                        PhotoTimings.ENCODE,
                        PhotoTimings.STORE,
                        PhotoTimings.RECORD),
                List.copyOf(steps.keySet()));
        steps.values().forEach(ms -> assertTrue(ms >= 0, steps.toString()));
        assertTrue(steps.values().stream().mapToLong(Long::longValue).sum() <= total, steps + " within " + total);

        List<String> renditions = List.of("w640.jpg", "w640.webp", "w320.jpg", "w320.webp", "w700.jpg", "w700.webp");
        for (String field : List.of("encodeMs", "storeMs")) {
            Map<String, Long> each = millis(line.get(field));
            assertTrue(each.keySet().containsAll(renditions) && each.size() == 6, field + ": " + each);
            each.values().forEach(ms -> assertTrue(ms >= 0, field + ": " + each));
        }
        long stores = millis(line.get("storeMs")).values().stream()
                .mapToLong(Long::longValue)
                .sum();
        assertTrue(stores <= steps.get(PhotoTimings.STORE), "the stores run within the store step");
    }

    private static Map<String, Long> millis(JsonNode object) {
        Map<String, Long> millis = new LinkedHashMap<>();
        object.fields()
                .forEachRemaining(
                        field -> millis.put(field.getKey(), field.getValue().asLong()));
        return millis;
    }
}
