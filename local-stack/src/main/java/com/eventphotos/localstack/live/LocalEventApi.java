package com.eventphotos.localstack.live;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.eventphotos.contract.live.LiveChannels;
import com.eventphotos.contract.live.LiveEventPublisher;
import com.eventphotos.localstack.LocalStackException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;

/**
 * The local stack's Event API: the subset of AppSync Events the system uses, on one loopback port. Publishing is
 * {@code POST /event} signed with SigV4 by the stack's publisher identity (what IAM allows the functions in AWS);
 * subscribing is the WebSocket protocol at {@code /event/realtime} (subprotocols {@code aws-appsync-event-ws} and
 * {@code header-{base64url authorization}}), each subscription authorised by the API as the deployed authorizer
 * does ({@link SubscriptionCheck}). README, "Live wall", lists what of AppSync Events it does not imitate.
 */
public final class LocalEventApi implements AutoCloseable {

    public static final String PUBLISH_PATH = "/event";
    public static final String REALTIME_PATH = "/event/realtime";
    public static final String SUBPROTOCOL = "aws-appsync-event-ws";

    /** As AppSync: a client that hears no {@code ka} for this long reconnects. */
    static final long CONNECTION_TIMEOUT_MS = 300_000;

    private static final int MAX_PUBLISH_BODY = 2 * 1024 * 1024;

    private final Vertx vertx;
    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final PublishSignatureCheck signatures;
    private final SubscriptionCheck subscriptions;
    private final Duration keepAlive;
    private final AwsBasicCredentials publisher;
    private final Set<Subscription> active = ConcurrentHashMap.newKeySet();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();

    private record Subscription(ServerWebSocket socket, String id, String channel) {}

    private LocalEventApi(Supplier<String> apiUrl, AwsBasicCredentials publisher, Duration keepAlive, int port) {
        this.publisher = publisher;
        this.keepAlive = keepAlive;
        this.signatures = new PublishSignatureCheck(publisher, Clock.systemUTC());
        this.subscriptions = new SubscriptionCheck(apiUrl);
        this.vertx = Vertx.vertx();
        this.server = vertx.createHttpServer(new HttpServerOptions()
                .setHost("127.0.0.1")
                .setPort(port)
                .setMaxWebSocketMessageSize(256 * 1024)
                .addWebSocketSubProtocol(SUBPROTOCOL));
        server.webSocketHandler(this::connect).requestHandler(this::request);
    }

    /**
     * @param apiUrl the API that authorises subscriptions (read when one is checked: the API may start later)
     * @param publisher the only identity that may publish
     * @param keepAlive how often a {@code ka} is sent to each connection
     */
    public static LocalEventApi start(
            int port, Supplier<String> apiUrl, AwsBasicCredentials publisher, Duration keepAlive) {
        LocalEventApi api = new LocalEventApi(apiUrl, publisher, keepAlive, port);
        try {
            api.server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            return api;
        } catch (Exception e) {
            api.close();
            throw new LocalStackException("the event server could not listen on port " + port + ": " + e, e);
        }
    }

    /** A key pair made for this start: what the functions publish with, never an AWS credential. */
    public static AwsBasicCredentials newPublisherCredentials() {
        return AwsBasicCredentials.create(
                "LOCALEVENTS"
                        + UUID.randomUUID()
                                .toString()
                                .replace("-", "")
                                .substring(0, 9)
                                .toUpperCase(),
                UUID.randomUUID().toString() + UUID.randomUUID());
    }

    public int port() {
        return server.actualPort();
    }

    /** The HTTP endpoint: {@code POST} here + {@value #PUBLISH_PATH}. */
    public String httpUrl() {
        return "http://127.0.0.1:" + port();
    }

    public String realtimeUrl() {
        return "ws://127.0.0.1:" + port() + REALTIME_PATH;
    }

    public AwsBasicCredentials publisher() {
        return publisher;
    }

    /** Events taken by {@code POST /event}, and messages delivered to subscriptions (tests, benchmarks). */
    public long published() {
        return published.get();
    }

    public long delivered() {
        return delivered.get();
    }

    public int subscriptions() {
        return active.size();
    }

    @Override
    public void close() {
        vertx.close()
                .toCompletionStage()
                .toCompletableFuture()
                .orTimeout(10, TimeUnit.SECONDS)
                .join();
    }

    // ---------------------------------------------------------------------------------------------- publishing

    private void request(HttpServerRequest request) {
        if (!request.path().equals(PUBLISH_PATH)) {
            respond(request, 404, error("NotFoundException", "no such path: " + request.path()));
            return;
        }
        if (request.method() != io.vertx.core.http.HttpMethod.POST) {
            respond(request, 405, error("BadRequestException", "publish with POST"));
            return;
        }
        request.bodyHandler(body -> {
            if (body.length() > MAX_PUBLISH_BODY) {
                respond(request, 413, error("BadRequestException", "request too large"));
                return;
            }
            Map<String, String> headers = new HashMap<>();
            request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
            // Vert.x keeps the Host header apart (the request's authority); it is signed, so it belongs here
            headers.putIfAbsent("host", request.authority().toString());
            byte[] bytes = body.getBytes();
            signatures
                    .refusal("POST", PUBLISH_PATH, headers, bytes)
                    .ifPresentOrElse(
                            why -> respond(request, 401, error("UnauthorizedException", why)),
                            () -> publish(request, bytes));
        });
    }

    private void publish(HttpServerRequest request, byte[] body) {
        JsonNode document;
        try {
            document = json.readTree(body);
        } catch (Exception e) {
            respond(request, 400, error("BadRequestException", "the body is not JSON"));
            return;
        }
        String channel = document.path("channel").asText(null);
        JsonNode events = document.path("events");
        if (channel == null || !LiveChannels.isValid(channel)) {
            respond(request, 400, error("BadRequestException", "channel must be a valid channel path"));
            return;
        }
        if (!events.isArray() || events.isEmpty() || events.size() > LiveEventPublisher.MAX_EVENTS_PER_REQUEST) {
            respond(request, 400, error("BadRequestException", "events must hold 1 to 5 events"));
            return;
        }
        for (JsonNode event : events) {
            String refusal = eventRefusal(event);
            if (refusal != null) {
                respond(request, 400, error("BadRequestException", refusal));
                return;
            }
        }
        ObjectNode answer = json.createObjectNode();
        ArrayNode successful = answer.putArray("successful");
        answer.putArray("failed");
        for (int index = 0; index < events.size(); index++) {
            deliver(channel, events.get(index).asText());
            successful
                    .addObject()
                    .put("identifier", UUID.randomUUID().toString())
                    .put("index", index);
        }
        published.addAndGet(events.size());
        respond(request, 200, answer);
    }

    private String eventRefusal(JsonNode event) {
        if (!event.isTextual()) {
            return "each event is a string holding JSON";
        }
        if (event.asText().getBytes(StandardCharsets.UTF_8).length > LiveEventPublisher.MAX_EVENT_BYTES) {
            return "an event is larger than 240 KB";
        }
        try {
            json.readTree(event.asText());
            return null;
        } catch (Exception e) {
            return "an event is not valid JSON";
        }
    }

    private void deliver(String channel, String event) {
        for (Subscription subscription : active) {
            if (LiveChannels.matches(subscription.channel(), channel)) {
                ObjectNode data = json.createObjectNode()
                        .put("type", "data")
                        .put("id", subscription.id())
                        .put("event", event);
                subscription.socket().writeTextMessage(data.toString());
                delivered.incrementAndGet();
            }
        }
    }

    // ------------------------------------------------------------------------------------------ subscribing

    private void connect(ServerWebSocket socket) {
        if (!REALTIME_PATH.equals(socket.path())) {
            socket.reject(404);
            return;
        }
        String offered = socket.headers().get("Sec-WebSocket-Protocol");
        if (!HeaderSubprotocol.offers(offered, SUBPROTOCOL)) {
            socket.reject(400);
            return;
        }
        String connectionAuthorization = HeaderSubprotocol.authorization(offered);
        if (connectionAuthorization == null) {
            socket.reject(401);
            return;
        }
        long keepAliveTimer =
                vertx.setPeriodic(keepAlive.toMillis(), id -> socket.writeTextMessage("{\"type\":\"ka\"}"));
        socket.closeHandler(closed -> {
            vertx.cancelTimer(keepAliveTimer);
            active.removeIf(s -> s.socket() == socket);
        });
        socket.textMessageHandler(message -> onMessage(socket, connectionAuthorization, message));
    }

    private void onMessage(ServerWebSocket socket, String connectionAuthorization, String message) {
        JsonNode msg;
        try {
            msg = json.readTree(message);
        } catch (Exception e) {
            send(socket, errorMessage("error", null, "BadRequestException", "not JSON"));
            return;
        }
        String type = msg.path("type").asText("");
        String id = msg.path("id").asText(null);
        switch (type) {
            case "connection_init" ->
                send(
                        socket,
                        json.createObjectNode()
                                .put("type", "connection_ack")
                                .put("connectionTimeoutMs", CONNECTION_TIMEOUT_MS));
            case "subscribe" -> subscribe(socket, connectionAuthorization, msg, id);
            case "unsubscribe" -> {
                boolean removed = active.removeIf(s -> s.socket() == socket && s.id().equals(id));
                send(
                        socket,
                        removed
                                ? json.createObjectNode()
                                        .put("type", "unsubscribe_success")
                                        .put("id", id)
                                : errorMessage(
                                        "unsubscribe_error", id, "UnknownOperationError", "no subscription " + id));
            }
            case "publish" ->
                send(
                        socket,
                        errorMessage(
                                "publish_error",
                                id,
                                "UnauthorizedException",
                                "this namespace is published to by the system only (IAM, POST /event)"));
            default -> send(socket, errorMessage("error", id, "UnsupportedOperation", "unknown type: " + type));
        }
    }

    private void subscribe(ServerWebSocket socket, String connectionAuthorization, JsonNode msg, String id) {
        String channel = msg.path("channel").asText(null);
        if (id == null || id.isBlank() || id.length() > 128) {
            send(socket, errorMessage("subscribe_error", id, "BadRequestException", "a subscription needs an id"));
            return;
        }
        if (channel == null || !LiveChannels.isValidSubscription(channel)) {
            send(socket, errorMessage("subscribe_error", id, "BadRequestException", "not a valid channel: " + channel));
            return;
        }
        if (active.stream().anyMatch(s -> s.socket() == socket && s.id().equals(id))) {
            send(socket, errorMessage("subscribe_error", id, "DuplicatedOperation", "subscription " + id + " exists"));
            return;
        }
        JsonNode authorization = msg.path("authorization");
        String token = authorization.hasNonNull("Authorization")
                ? authorization.get("Authorization").asText()
                : authorization.path("authorization").asText(connectionAuthorization);
        subscriptions.refusal(channel, token).thenAccept(refusal -> {
            if (refusal.isPresent()) {
                send(socket, errorMessage("subscribe_error", id, "UnauthorizedException", refusal.get()));
            } else if (!socket.isClosed()) {
                active.add(new Subscription(socket, id, channel));
                send(
                        socket,
                        json.createObjectNode().put("type", "subscribe_success").put("id", id));
            }
        });
    }

    // ------------------------------------------------------------------------------------------------ answers

    private void send(ServerWebSocket socket, ObjectNode message) {
        if (!socket.isClosed()) {
            socket.writeTextMessage(message.toString());
        }
    }

    private ObjectNode errorMessage(String type, String id, String errorType, String message) {
        ObjectNode node = json.createObjectNode().put("type", type);
        if (id != null) {
            node.put("id", id);
        }
        node.putArray("errors").addObject().put("errorType", errorType).put("message", message);
        return node;
    }

    private ObjectNode error(String errorType, String message) {
        ObjectNode node = json.createObjectNode();
        node.putArray("errors").addObject().put("errorType", errorType).put("message", message);
        return node;
    }

    private static void respond(HttpServerRequest request, int status, ObjectNode body) {
        request.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(body.toString());
    }
}
