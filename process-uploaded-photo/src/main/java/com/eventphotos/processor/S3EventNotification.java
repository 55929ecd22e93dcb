package com.eventphotos.processor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON document S3 sends to Lambda (event message structure version 2.x). Only what we use is modelled; S3's
 * one-off {@code s3:TestEvent} has no Records and so yields an empty list. Each record is read on its own: one that
 * does not have the shape of an S3 record becomes {@code null} in {@link #records()} (and is ignored with a log
 * line) instead of failing the whole invocation, which Lambda would only retry into the dead-letter queue.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record S3EventNotification(@JsonProperty("Records") JsonNode rawRecords) {

    private static final ObjectMapper RECORD_READER =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Every element of {@code Records}, in order; {@code null} for one that is not an S3 record. */
    public List<Record> records() {
        if (rawRecords == null || !rawRecords.isArray()) {
            return List.of();
        }
        List<Record> records = new ArrayList<>();
        rawRecords.forEach(node -> records.add(toRecord(node)));
        return Collections.unmodifiableList(records);
    }

    private static Record toRecord(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        try {
            return RECORD_READER.treeToValue(node, Record.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Record(String eventName, String eventTime, S3Entity s3) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record S3Entity(Bucket bucket, S3Object object) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Bucket(String name) {}

    /** {@code key} is URL-encoded as in S3's event (form encoding: a space is '+'). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record S3Object(String key, Long size, String eTag, String sequencer) {}
}
