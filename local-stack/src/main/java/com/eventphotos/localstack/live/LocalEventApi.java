package com.eventphotos.localstack.live;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;

/**
 * The local stack's Event API: the subset of AppSync Events the system uses, on one loopback port. Publishing is
 * {@code POST /event} signed with SigV4 by the stack's publisher identity (what IAM allows the functions in AWS);
 * subscribing is the WebSocket protocol at {@code /event/realtime} (subprotocols {@code aws-appsync-event-ws} and
 * {@code header-{base64url authorization}}).
 *
 * <p>It holds up as AppSync does against clients that misbehave: a connection needs an unexpired JWT of a trusted
 * issuer ({@link TokenVerifier}, else the handshake is refused with 401), one source address may hold so many
 * connections (429), a connection lives so long and at most until its token expires, holds at most 200
 * subscriptions, and is dropped when it stops reading. Each subscription is authorised by the API as the deployed
 * authorizer does ({@link SubscriptionCheck}), and again while it is open ({@link SubscriptionRecheck}), so a
 * revoked token stops hearing. The limits: {@link EventServerOptions}. docs/live.md lists what of
 * AppSync Events it does not imitate.
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
    private final ObjectMapper json = Messages.JSON;
    private final PublishSignatureCheck signatures;
    private final TokenVerifier tokens;
    private final SubscriptionCheck subscriptions;
    private final SubscriptionRecheck recheck;
    private final EventServerOptions options;
    private final ConnectionSlots slots;
    private final AwsBasicCredentials publisher;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Set<Subscription> active = ConcurrentHashMap.newKeySet();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();

    private LocalEventApi(
            int port,
            Supplier<String> apiUrl,
            AwsBasicCredentials publisher,
            List<TrustedIssuer> issuers,
            EventServerOptions options) {
        this.publisher = publisher;
        this.options = options;
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.signatures = new PublishSignatureCheck(publisher, Clock.systemUTC());
        this.tokens = new TokenVerifier(issuers, options.clockSkew(), Clock.systemUTC(), http);
        this.subscriptions = new SubscriptionCheck(apiUrl, http);
        this.slots = new ConnectionSlots(options.maxConnectionsPerSource());
        this.vertx = Vertx.vertx();
        this.recheck = new SubscriptionRecheck(vertx, options.recheckInterval(), subscriptions, active);
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
     * @param issuers whose tokens may connect (the stack's Keycloak realm and the API's guest tokens)
     * @param options the limits; {@link EventServerOptions#defaults()} are AppSync's
     */
    public static LocalEventApi start(
            int port,
            Supplier<String> apiUrl,
            AwsBasicCredentials publisher,
            List<TrustedIssuer> issuers,
            EventServerOptions options) {
        LocalEventApi api = new LocalEventApi(port, apiUrl, publisher, issuers, options);
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

    public EventServerOptions options() {
        return options;
    }

    /** Events taken by {@code POST /event}, and messages delivered to subscriptions (tests, benchmarks). */
    public long published() {
        return published.get();
    }

    public long delivered() {
        return delivered.get();
    }

    /** Open subscriptions, over all connections. */
    public int subscriptions() {
        return active.size();
    }

    /** Open connections (their handshake passed and they have not ended). */
    public int connections() {
        return connections.size();
    }

    /** Rounds of re-checking every open subscription with the API that have finished (tests). */
    public long recheckRounds() {
        return recheck.rounds();
    }

    @Override
    public void close() {
        recheck.close();
        vertx.close()
                .toCompletionStage()
                .toCompletableFuture()
                .orTimeout(10, TimeUnit.SECONDS)
                .join();
    }

    // ---------------------------------------------------------------------------------------------- publishing

    private void request(HttpServerRequest request) {
        if (!request.path().equals(PUBLISH_PATH)) {
            respond(request, 404, Messages.httpError("NotFoundException", "no such path: " + request.path()));
            return;
        }
        if (request.method() != io.vertx.core.http.HttpMethod.POST) {
            respond(request, 405, Messages.httpError("BadRequestException", "publish with POST"));
            return;
        }
        request.bodyHandler(body -> {
            if (body.length() > MAX_PUBLISH_BODY) {
                respond(request, 413, Messages.httpError("BadRequestException", "request too large"));
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
                            why -> respond(request, 401, Messages.httpError("UnauthorizedException", why)),
                            () -> publish(request, bytes));
        });
    }

    private void publish(HttpServerRequest request, byte[] body) {
        JsonNode document;
        try {
            document = json.readTree(body);
        } catch (Exception e) {
            respond(request, 400, Messages.httpError("BadRequestException", "the body is not JSON"));
            return;
        }
        String channel = document.path("channel").asText(null);
        JsonNode events = document.path("events");
        if (channel == null || !LiveChannels.isValid(channel)) {
            respond(request, 400, Messages.httpError("BadRequestException", "channel must be a valid channel path"));
            return;
        }
        if (!events.isArray() || events.isEmpty() || events.size() > LiveEventPublisher.MAX_EVENTS_PER_REQUEST) {
            respond(request, 400, Messages.httpError("BadRequestException", "events must hold 1 to 5 events"));
            return;
        }
        for (JsonNode event : events) {
            String refusal = eventRefusal(event);
            if (refusal != null) {
                respond(request, 400, Messages.httpError("BadRequestException", refusal));
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
            if (LiveChannels.matches(subscription.channel(), channel)
                    && subscription.connection().send(Messages.data(subscription.id(), event))) {
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
        String authorization = HeaderSubprotocol.authorization(offered);
        if (authorization == null) {
            socket.reject(401);
            return;
        }
        // counted from the handshake on, so that handshakes waiting for their token check count too
        String source = socket.remoteAddress() == null
                ? "unknown"
                : socket.remoteAddress().host();
        if (!slots.tryTake(source)) {
            socket.reject(429);
            return;
        }
        Context context = vertx.getOrCreateContext();
        Connection connection = new Connection(socket, context, active, ended -> {
            connections.remove(ended);
            slots.release(source);
        });
        socket.setWriteQueueMaxSize(options.writeQueueMaxBytes());
        socket.closeHandler(closed -> connection.closed());
        socket.textMessageHandler(message -> onMessage(connection, message));
        Future<Integer> decision = Future.fromCompletionStage(tokens.verify(authorization), context)
                .map(result -> {
                    if (!result.passed()) {
                        return 401; // AppSync: UnauthorizedException, and no connection
                    }
                    if (!connection.isOpen()) {
                        return 410; // the client went away while its token was checked
                    }
                    connections.add(connection);
                    connection.opened(authorization, endOf(result.verified()), options.keepAlive());
                    return 101;
                });
        socket.setHandshake(decision).onComplete(handshake -> {
            if (handshake.failed() || handshake.result() != 101) {
                connection.closed();
            }
        });
    }

    /** A connection ends after its lifetime, or when its token expires if that is sooner. */
    private Instant endOf(TokenVerifier.Verified token) {
        Instant lifetimeEnd = Instant.now().plus(options.connectionLifetime());
        Instant tokenEnd = token.expiresAt().plus(options.clockSkew());
        return tokenEnd.isBefore(lifetimeEnd) ? tokenEnd : lifetimeEnd;
    }

    private void onMessage(Connection connection, String message) {
        JsonNode msg;
        try {
            msg = json.readTree(message);
        } catch (Exception e) {
            connection.send(Messages.error("error", null, "BadRequestException", "not JSON"));
            return;
        }
        String type = msg.path("type").asText("");
        String id = msg.path("id").asText(null);
        switch (type) {
            case "connection_init" ->
                connection.send(
                        Messages.typed("connection_ack", null).put("connectionTimeoutMs", CONNECTION_TIMEOUT_MS));
            case "subscribe" -> subscribe(connection, msg, id);
            case "unsubscribe" ->
                connection.send(
                        connection.unsubscribe(id)
                                ? Messages.typed("unsubscribe_success", id)
                                : Messages.error(
                                        "unsubscribe_error", id, "UnknownOperationError", "no subscription " + id));
            case "publish" ->
                connection.send(Messages.error(
                        "publish_error",
                        id,
                        "UnauthorizedException",
                        "this namespace is published to by the system only (IAM, POST /event)"));
            default -> connection.send(Messages.error("error", id, "UnsupportedOperation", "unknown type: " + type));
        }
    }

    private void subscribe(Connection connection, JsonNode msg, String id) {
        String channel = msg.path("channel").asText(null);
        if (id == null || id.isBlank() || id.length() > 128) {
            connection.send(Messages.error("subscribe_error", id, "BadRequestException", "a subscription needs an id"));
            return;
        }
        if (channel == null || !LiveChannels.isValidSubscription(channel)) {
            connection.send(
                    Messages.error("subscribe_error", id, "BadRequestException", "not a valid channel: " + channel));
            return;
        }
        if (connection.knows(id)) {
            connection.send(
                    Messages.error("subscribe_error", id, "DuplicatedOperation", "subscription " + id + " exists"));
            return;
        }
        if (connection.subscriptionCount() >= options.maxSubscriptionsPerConnection()) {
            connection.send(Messages.error(
                    "subscribe_error",
                    id,
                    "MaxSubscriptionsReachedError",
                    "a connection holds at most " + options.maxSubscriptionsPerConnection() + " subscriptions"));
            return;
        }
        JsonNode authorization = msg.path("authorization");
        String token = authorization.hasNonNull("Authorization")
                ? authorization.get("Authorization").asText()
                : authorization.path("authorization").asText(connection.authorization());
        connection.reserve(id);
        authorise(connection, channel, token)
                .thenAccept(answer -> connection.runOnContext(() -> {
                    if (!answer.allowed()) {
                        connection.abandon(id);
                        connection.send(
                                Messages.error("subscribe_error", id, "UnauthorizedException", answer.reason()));
                    } else if (connection.activate(new Subscription(connection, id, channel, token))) {
                        connection.send(Messages.typed("subscribe_success", id));
                    }
                }));
    }

    /**
     * The API's answer for {@code token} on {@code channel}; a token other than the connection's own (which was
     * verified at connect) must first be a valid token of a trusted issuer, as it would have to be to connect.
     */
    private CompletableFuture<SubscriptionCheck.Answer> authorise(Connection connection, String channel, String token) {
        if (token.equals(connection.authorization())) {
            return subscriptions.ask(channel, token);
        }
        return tokens.verify(token)
                .thenCompose(result -> result.passed()
                        ? subscriptions.ask(channel, token)
                        : CompletableFuture.completedFuture(
                                new SubscriptionCheck.Answer(SubscriptionCheck.Outcome.REFUSED, result.refusal())));
    }

    // ------------------------------------------------------------------------------------------------ answers

    private static void respond(HttpServerRequest request, int status, ObjectNode body) {
        request.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(body.toString());
    }
}
