package com.eventphotos.contract.export;

import java.io.IOException;

import com.eventphotos.contract.EventId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The body of a message on the export queue: which job to start or continue. */
public record ExportMessage(String eventId, String exportId) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ExportMessage {
        if (!EventId.isValid(eventId)) {
            throw new IllegalArgumentException("not an event id: " + eventId);
        }
        java.util.UUID.fromString(exportId);
    }

    public String toJson() {
        return JSON.createObjectNode()
                .put("eventId", eventId)
                .put("exportId", exportId)
                .toString();
    }

    /** @throws IllegalArgumentException for a body that is not an export message */
    public static ExportMessage fromJson(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null
                    || !node.path("eventId").isTextual()
                    || !node.path("exportId").isTextual()) {
                throw new IllegalArgumentException("not an export message: " + abbreviated(body));
            }
            return new ExportMessage(
                    node.get("eventId").asText(), node.get("exportId").asText());
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + abbreviated(body), e);
        }
    }

    private static String abbreviated(String body) {
        return body == null ? "null" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
