package com.eventphotos.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A subscriber speaking the AppSync Events WebSocket protocol, as the web client does: connects with the
 * {@code aws-appsync-event-ws} and {@code header-…} subprotocols, {@code connection_init}, then subscribes. Data
 * messages and the others queue apart, so a test can wait for either.
 */
public final class LiveEventsClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Added to each data message: the epoch millisecond it arrived at. */
    public static final String RECEIVED_AT = "receivedAtMillis";

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> control;
    private final BlockingQueue<JsonNode> data;

    private LiveEventsClient(WebSocket socket, BlockingQueue<JsonNode> control, BlockingQueue<JsonNode> data) {
        this.socket = socket;
        this.control = control;
        this.data = data;
    }

    /** Connects and waits for {@code connection_ack}. */
    public static LiveEventsClient connect(String realtimeUrl, String authorization) throws Exception {
        BlockingQueue<JsonNode> control = new LinkedBlockingQueue<>();
        BlockingQueue<JsonNode> data = new LinkedBlockingQueue<>();
        URI uri = URI.create(realtimeUrl);
        WebSocket socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .subprotocols("aws-appsync-event-ws", headerSubprotocol(uri.getAuthority(), authorization))
                .buildAsync(uri, new Listener(control, data))
                .get(10, TimeUnit.SECONDS);
        LiveEventsClient client = new LiveEventsClient(socket, control, data);
        client.send(JSON.createObjectNode().put("type", "connection_init"));
        JsonNode ack = client.nextControl(Duration.ofSeconds(10));
        if (!"connection_ack".equals(ack.path("type").asText())) {
            client.close();
            throw new IllegalStateException("no connection_ack: " + ack);
        }
        return client;
    }

    /** {@code header-} + base64url (no padding) of {@code {"host", "Authorization"}}, as AppSync reads it. */
    public static String headerSubprotocol(String host, String authorization) {
        String header = JSON.createObjectNode()
                .put("host", host)
                .put("Authorization", authorization)
                .toString();
        return "header-"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(StandardCharsets.UTF_8));
    }

    /** Subscribes and returns the answer: {@code subscribe_success} or {@code subscribe_error}. */
    public JsonNode subscribe(String id, String channel, String authorization) throws Exception {
        ObjectNode subscribe =
                JSON.createObjectNode().put("type", "subscribe").put("id", id).put("channel", channel);
        if (authorization != null) {
            subscribe.putObject("authorization").put("Authorization", authorization);
        }
        send(subscribe);
        return nextControl(Duration.ofSeconds(15));
    }

    public void send(JsonNode message) {
        socket.sendText(message.toString(), true).join();
    }

    /** The next message that is not {@code data} or {@code ka}; fails after {@code timeout}. */
    public JsonNode nextControl(Duration timeout) throws InterruptedException {
        JsonNode message = control.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            throw new IllegalStateException("no message within " + timeout);
        }
        return message;
    }

    /** The next {@code data} message's event, parsed; null when none arrives within {@code timeout}. */
    public JsonNode nextEvent(Duration timeout) throws Exception {
        JsonNode message = data.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return message == null ? null : JSON.readTree(message.path("event").asText());
    }

    /** The next {@code data} message as it came, with {@link #RECEIVED_AT}; null when none within {@code timeout}. */
    public JsonNode nextData(Duration timeout) throws InterruptedException {
        return data.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How many data messages wait unread. */
    public int pendingEvents() {
        return data.size();
    }

    @Override
    public void close() {
        socket.abort();
    }

    private static final class Listener implements WebSocket.Listener {

        private final BlockingQueue<JsonNode> control;
        private final BlockingQueue<JsonNode> data;
        private final StringBuilder partial = new StringBuilder();

        Listener(BlockingQueue<JsonNode> control, BlockingQueue<JsonNode> data) {
            this.control = control;
            this.data = data;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence text, boolean last) {
            partial.append(text);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    String type = message.path("type").asText();
                    if (type.equals("data")) {
                        // when it arrived, for latency measurements (benchmarks)
                        ((ObjectNode) message).put(RECEIVED_AT, System.currentTimeMillis());
                        data.add(message);
                    } else if (!type.equals("ka")) {
                        control.add(message);
                    }
                } catch (Exception e) {
                    control.add(
                            JSON.createObjectNode().put("type", "unreadable").put("text", partial.toString()));
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
