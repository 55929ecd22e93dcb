package com.eventphotos.testsupport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * S3 event notification documents exactly as S3 sends them to Lambda (event structure 2.1), with keys
 * URL-encoded the way S3 does (form encoding: space as '+', '/' left alone).
 */
public final class S3EventDocuments {

    public record ObjectEvent(
            String eventName, String bucket, String key, long size, String sequencer, Instant eventTime) {
        public static ObjectEvent created(String bucket, String key, long size, String sequencer) {
            return new ObjectEvent("ObjectCreated:Put", bucket, key, size, sequencer, Instant.now());
        }

        /** What S3 sends when an object is deleted (no size). */
        public static ObjectEvent removed(String bucket, String key, String sequencer) {
            return new ObjectEvent("ObjectRemoved:Delete", bucket, key, 0, sequencer, Instant.now());
        }
    }

    private S3EventDocuments() {}

    public static String notification(ObjectEvent... events) {
        return notification(List.of(events));
    }

    public static String notification(List<ObjectEvent> events) {
        return "{\"Records\":[" + events.stream().map(S3EventDocuments::record).collect(Collectors.joining(",")) + "]}";
    }

    public static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    private static String record(ObjectEvent e) {
        return """
                {
                  "eventVersion": "2.1",
                  "eventSource": "aws:s3",
                  "awsRegion": "us-east-1",
                  "eventTime": "%s",
                  "eventName": "%s",
                  "userIdentity": {"principalId": "AWS:AIDAJDPLRKLG7UEXAMPLE"},
                  "requestParameters": {"sourceIPAddress": "127.0.0.1"},
                  "responseElements": {
                    "x-amz-request-id": "C3D13FE58DE4C810",
                    "x-amz-id-2": "FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD"
                  },
                  "s3": {
                    "s3SchemaVersion": "1.0",
                    "configurationId": "process-uploaded-photo",
                    "bucket": {
                      "name": "%s",
                      "ownerIdentity": {"principalId": "A3NL1KOZZKExample"},
                      "arn": "arn:aws:s3:::%s"
                    },
                    "object": {
                      "key": "%s",
                      "size": %d,
                      "eTag": "d41d8cd98f00b204e9800998ecf8427e",
                      "sequencer": "%s"
                    }
                  }
                }""".formatted(
                e.eventTime(), e.eventName(), e.bucket(), e.bucket(), encodeKey(e.key()), e.size(), e.sequencer());
    }
}
