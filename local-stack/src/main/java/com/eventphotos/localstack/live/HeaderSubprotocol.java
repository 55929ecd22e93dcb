package com.eventphotos.localstack.live;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the authorization a browser sends when connecting (it cannot set headers on a WebSocket): the subprotocol
 * {@code header-{base64url(JSON)}}, JSON such as {@code {"host": "...", "Authorization": "Bearer ..."}}.
 */
final class HeaderSubprotocol {

    private static final String PREFIX = "header-";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HeaderSubprotocol() {}

    static boolean offers(String secWebSocketProtocol, String protocol) {
        if (secWebSocketProtocol == null) {
            return false;
        }
        for (String offered : secWebSocketProtocol.split(",")) {
            if (offered.trim().equals(protocol)) {
                return true;
            }
        }
        return false;
    }

    /** @return the Authorization value, or null when the header subprotocol is missing or unreadable */
    static String authorization(String secWebSocketProtocol) {
        if (secWebSocketProtocol == null) {
            return null;
        }
        for (String protocol : secWebSocketProtocol.split(",")) {
            String p = protocol.trim();
            if (p.startsWith(PREFIX)) {
                try {
                    JsonNode header = JSON.readTree(new String(
                            Base64.getUrlDecoder().decode(p.substring(PREFIX.length())), StandardCharsets.UTF_8));
                    JsonNode value = header.hasNonNull("Authorization")
                            ? header.get("Authorization")
                            : header.get("authorization");
                    return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
                } catch (Exception unreadable) {
                    return null;
                }
            }
        }
        return null;
    }
}
