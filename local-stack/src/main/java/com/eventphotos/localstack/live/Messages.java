package com.eventphotos.localstack.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON messages of the AppSync Events protocol the event server sends, on the socket and over HTTP. */
final class Messages {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String KEEP_ALIVE = "{\"type\":\"ka\"}";

    private Messages() {}

    static ObjectNode typed(String type, String id) {
        ObjectNode node = JSON.createObjectNode().put("type", type);
        if (id != null) {
            node.put("id", id);
        }
        return node;
    }

    /** {@code {type, id?, errors: [{errorType, message}]}}, as AppSync answers a refused operation. */
    static ObjectNode error(String type, String id, String errorType, String message) {
        ObjectNode node = typed(type, id);
        node.putArray("errors").addObject().put("errorType", errorType).put("message", message);
        return node;
    }

    /** {@code {errors: [{errorType, message}]}}: an HTTP error body. */
    static ObjectNode httpError(String errorType, String message) {
        ObjectNode node = JSON.createObjectNode();
        node.putArray("errors").addObject().put("errorType", errorType).put("message", message);
        return node;
    }

    static String data(String subscriptionId, String event) {
        return typed("data", subscriptionId).put("event", event).toString();
    }
}
