package com.eventphotos.exports;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The JSON document Lambda's SQS event source sends: only what the worker uses is modelled. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SqsEvent(@JsonProperty("Records") List<Message> records) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Message(String messageId, String body, Map<String, String> attributes) {

        /** How often SQS has handed this message out, this time included (1 when unknown). */
        int receiveCount() {
            try {
                return attributes == null
                        ? 1
                        : Integer.parseInt(attributes.getOrDefault("ApproximateReceiveCount", "1"));
            } catch (NumberFormatException e) {
                return 1;
            }
        }
    }

    public List<Message> records() {
        return records == null ? List.of() : records;
    }
}
