package com.eventphotos.processor;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The JSON document S3 sends to Lambda (event message structure version 2.x). Only what we use is
 * modelled; S3's one-off {@code s3:TestEvent} has no Records and so yields an empty list.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record S3EventNotification(@JsonProperty("Records") List<Record> records) {

    public S3EventNotification {
        records = records == null ? List.of() : List.copyOf(records);
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
