package com.eventphotos.localstack.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.eventphotos.contract.live.LiveChannels;
import com.eventphotos.contract.live.LiveEventPublisher;
import com.eventphotos.contract.live.LivePublishException;
import com.eventphotos.testsupport.LiveEventsClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The local Event API as its clients see it: a SigV4-signed publish reaches every subscription of the channel once,
 * anything else is refused as AppSync refuses it, and clients that misbehave are held to AppSync's limits. Who may
 * connect is a real RS256 JWT of a trusted issuer (two test issuers, as the stack has Keycloak's realm and the
 * API's guest tokens); who may subscribe is the API's answer to {@code GET /events/{id}/live}, here given by a
 * stand-in (the real API's answers: LocalStackEndToEndTest).
 */
class LocalEventApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENT = "party_2026";
    private static final TestIssuer REALM = new TestIssuer("http://127.0.0.1:1/realms/event-photos");
    private static final TestIssuer GUESTS = new TestIssuer("event-photos-guests");
    /** Quick re-checks and keep-alives, a 1 s clock skew so expiry shows soon; AppSync's limits otherwise. */
    private static final EventServerOptions OPTIONS = EventServerOptions.defaults()
            .withKeepAlive(Duration.ofMillis(200))
            .withRecheckInterval(Duration.ofMillis(500))
            .withClockSkew(Duration.ofSeconds(1));

    private static ApiStandIn api;
    private static LocalEventApi live;
    private static String member;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiStandIn();
        member = REALM.bearer("member");
        api.allow(member, EVENT);
        live = start(OPTIONS, api::url);
    }

    @AfterAll
    static void stop() {
        live.close();
        api.close();
    }

    @BeforeEach
    void noClientOfAnotherTestIsLeft() {
        await("earlier tests' clients are gone", () -> live.connections() == 0 && live.subscriptions() == 0);
    }

    private static LocalEventApi start(EventServerOptions options, Supplier<String> apiUrl) {
        return LocalEventApi.start(
                0,
                apiUrl,
                LocalEventApi.newPublisherCredentials(),
                List.of(
                        TrustedIssuer.of(REALM.issuer(), api.publish(REALM)),
                        TrustedIssuer.of(GUESTS.issuer(), api.publish(GUESTS))),
                options);
    }

    private static LiveEventPublisher publisher(LocalEventApi server, AwsBasicCredentials credentials) {
        return new LiveEventPublisher(
                URI.create(server.httpUrl()),
                "us-east-1",
                StaticCredentialsProvider.create(credentials),
                Duration.ofSeconds(5));
    }

    private static LiveEventPublisher publisher(AwsBasicCredentials credentials) {
        return publisher(live, credentials);
    }

    // ------------------------------------------------------------------------------------------- the protocol

    @Test
    void publish_shouldReachEverySubscriberOnce_whenSignedByThePublisher() throws Exception {
        String channel = LiveChannels.gallery(EVENT);
        String guest = GUESTS.bearer("guest:ann");
        try (LiveEventsClient first = LiveEventsClient.connect(live.realtimeUrl(), member);
                LiveEventsClient second = LiveEventsClient.connect(live.realtimeUrl(), guest)) {
            assertEquals(
                    "subscribe_success",
                    first.subscribe("a", channel, null).path("type").asText());
            assertEquals(
                    "subscribe_success",
                    second.subscribe("b", channel, member).path("type").asText());

            publisher(live.publisher())
                    .publish(channel, List.of("{\"n\":1}", "{\"title\":\"Mom's 60th (garden)! 🎉 생일\"}"));

            for (LiveEventsClient client : List.of(first, second)) {
                assertEquals(
                        1, client.nextEvent(Duration.ofSeconds(5)).path("n").asInt());
                assertEquals(
                        "Mom's 60th (garden)! 🎉 생일",
                        client.nextEvent(Duration.ofSeconds(5)).path("title").asText());
                assertNull(client.nextEvent(Duration.ofMillis(500)), "each event once");
            }
        }
    }

    @Test
    void subscribe_shouldBeRefused_whenTheApiRefusesTheToken() throws Exception {
        try (LiveEventsClient stranger = LiveEventsClient.connect(live.realtimeUrl(), REALM.bearer("stranger"))) {
            JsonNode answer = stranger.subscribe("s", LiveChannels.gallery(EVENT), null);

            assertEquals("subscribe_error", answer.path("type").asText());
            assertEquals(
                    "UnauthorizedException", answer.at("/errors/0/errorType").asText());
            publisher(live.publisher()).publish(LiveChannels.gallery(EVENT), List.of("{}"));
            assertNull(stranger.nextEvent(Duration.ofMillis(500)));
        }
    }

    @Test
    void subscribe_shouldBeRefused_whenTheChannelIsNotOneEventsGallery() throws Exception {
        try (LiveEventsClient client = LiveEventsClient.connect(live.realtimeUrl(), member)) {
            // a member of one event may not listen to all of them, nor to a channel spelled otherwise
            assertEquals(
                    "subscribe_error",
                    client.subscribe("w", "/gallery/*", null).path("type").asText());
            assertEquals(
                    "subscribe_error",
                    client.subscribe("x", "/gallery/party_2026", null)
                            .path("type")
                            .asText());
            assertEquals(
                    "subscribe_error",
                    client.subscribe("y", "gallery", null).path("type").asText());
        }
    }

    @Test
    void publish_shouldBeRefused_whenNotSignedByThePublisher() throws Exception {
        String channel = LiveChannels.gallery(EVENT);
        assertThrows(LivePublishException.class, () -> publisher(LocalEventApi.newPublisherCredentials())
                .publish(channel, List.of("{}")));
        AwsBasicCredentials forged = AwsBasicCredentials.create(live.publisher().accessKeyId(), "not-the-secret");
        LivePublishException refused =
                assertThrows(LivePublishException.class, () -> publisher(forged).publish(channel, List.of("{}")));
        assertTrue(refused.getMessage().contains("SignatureDoesNotMatch"), refused.getMessage());

        HttpResponse<String> unsigned = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(live.httpUrl() + "/event"))
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"channel\":\"" + channel + "\",\"events\":[\"{}\"]}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(401, unsigned.statusCode());
        assertEquals(
                "UnauthorizedException",
                JSON.readTree(unsigned.body()).at("/errors/0/errorType").asText());
    }

    @Test
    void publish_shouldBeRefused_whenItBreaksAppSyncLimits() {
        LiveEventPublisher publisher = publisher(live.publisher());
        String channel = LiveChannels.gallery(EVENT);
        String tooLarge = "\"" + "x".repeat(LiveEventPublisher.MAX_EVENT_BYTES) + "\"";

        assertTrue(assertThrows(LivePublishException.class, () -> publisher.publish(channel, List.of(tooLarge)))
                .getMessage()
                .contains("240 KB"));
        assertTrue(assertThrows(LivePublishException.class, () -> publisher.publish(channel, List.of("not json")))
                .getMessage()
                .contains("not valid JSON"));
        assertTrue(assertThrows(LivePublishException.class, () -> publisher.publish("/gallery/a_b", List.of("{}")))
                .getMessage()
                .contains("channel"));
        assertThrows(IllegalArgumentException.class, () -> publisher.publish(channel, Collections.nCopies(6, "{}")));
    }

    @Test
    void publishOverTheSocket_shouldBeRefused_always() throws Exception {
        try (LiveEventsClient client = LiveEventsClient.connect(live.realtimeUrl(), member)) {
            client.send(JSON.readTree(
                    "{\"type\":\"publish\",\"id\":\"p\",\"channel\":\"/gallery/x\",\"events\":[\"{}\"]}"));

            JsonNode answer = client.nextControl(Duration.ofSeconds(5));
            assertEquals("publish_error", answer.path("type").asText());
        }
    }

    // -------------------------------------------------------------------------------------- who may connect

    @Test
    void connect_shouldBeRefusedWith401_unlessTheTokenIsAnUnexpiredJwtOfATrustedIssuer() throws Exception {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("not a JWT", "Bearer member-of-party_2026");
        refused.put("signed with another key", REALM.forgedBearer("member"));
        refused.put("expired a minute ago", REALM.bearer("member", Instant.now().minusSeconds(60)));
        refused.put("a trusted key, another issuer", REALM.bearerNaming("https://elsewhere.example/realms/x", "m"));
        refused.put("an issuer not trusted", new TestIssuer("https://untrusted.example").bearer("member"));
        for (Map.Entry<String, String> token : refused.entrySet()) {
            api.allow(token.getValue(), EVENT); // the API's say does not matter: no connection at all
            try (RawWebSocket socket = RawWebSocket.open(live.port(), token.getValue())) {
                assertEquals(401, socket.status(), token.getKey());
            }
        }
        // both issuers' own tokens connect: members (Keycloak) and guests and walls (the API's guest tokens)
        for (String token : List.of(member, GUESTS.bearer("wall:w1"))) {
            try (RawWebSocket socket = RawWebSocket.open(live.port(), token)) {
                assertEquals(101, socket.status());
            }
        }
    }

    @Test
    void subscribe_shouldBeRefused_whenItsOwnTokenIsNoValidJwt_whateverTheApiSays() throws Exception {
        String notAJwt = "Bearer member-of-party_2026";
        String forged = GUESTS.forgedBearer("guest:mallory");
        api.allow(notAJwt, EVENT);
        api.allow(forged, EVENT);
        try (LiveEventsClient client = LiveEventsClient.connect(live.realtimeUrl(), member)) {
            for (String token : List.of(notAJwt, forged)) {
                JsonNode answer = client.subscribe("own-" + token.hashCode(), LiveChannels.gallery(EVENT), token);
                assertEquals("subscribe_error", answer.path("type").asText(), token);
                assertEquals(
                        "UnauthorizedException",
                        answer.at("/errors/0/errorType").asText());
            }
            assertEquals(0, live.subscriptions());
        }
    }

    // --------------------------------------------------------------------------------------------- the limits

    @Test
    void subscribe_shouldRefuseThe201stOnOneConnection_andKeepTheFirst200() throws Exception {
        String channel = LiveChannels.gallery(EVENT);
        try (LiveEventsClient client = LiveEventsClient.connect(live.realtimeUrl(), member)) {
            int subscribed = 0;
            List<String> refusals = new ArrayList<>();
            for (int i = 0; i < 210; i++) {
                JsonNode answer = client.subscribe("s" + i, channel, null);
                if (answer.path("type").asText().equals("subscribe_success")) {
                    subscribed++;
                } else {
                    refusals.add(answer.at("/errors/0/errorType").asText());
                }
            }

            assertEquals(200, subscribed);
            assertEquals(Collections.nCopies(10, "MaxSubscriptionsReachedError"), refusals);
            assertEquals(200, live.subscriptions());
            publisher(live.publisher()).publish(channel, List.of("{\"n\":1}"));
            for (int i = 0; i < 200; i++) {
                assertTrue(client.nextData(Duration.ofSeconds(5)) != null, "delivery " + (i + 1) + " of 200");
            }
            assertNull(client.nextData(Duration.ofMillis(300)), "none to a refused subscription");

            // an unsubscribe frees a place
            client.send(JSON.createObjectNode().put("type", "unsubscribe").put("id", "s0"));
            assertEquals(
                    "unsubscribe_success",
                    client.nextControl(Duration.ofSeconds(5)).path("type").asText());
            assertEquals(
                    "subscribe_success",
                    client.subscribe("again", channel, null).path("type").asText());
        }
    }

    @Test
    void connect_shouldBeRefusedWith429_pastTheConnectionsOfOneSource_whileACrowdOfOneAddressFits() throws Exception {
        int perSource = live.options().maxConnectionsPerSource();
        assertTrue(perSource >= 100, "a venue's guests share one address");
        List<RawWebSocket> crowd = new ArrayList<>();
        try {
            for (int i = 0; i < perSource; i++) {
                RawWebSocket socket = RawWebSocket.open(live.port(), member);
                crowd.add(socket);
                assertEquals(101, socket.status(), "connection " + (i + 1) + " of one address");
            }
            try (RawWebSocket oneTooMany = RawWebSocket.open(live.port(), member)) {
                assertEquals(429, oneTooMany.status());
            }

            crowd.remove(0).close();
            await("a closed connection frees its place", () -> live.connections() == perSource - 1);
            try (RawWebSocket again = RawWebSocket.open(live.port(), member)) {
                assertEquals(101, again.status());
            }
        } finally {
            crowd.forEach(RawWebSocket::close);
        }
    }

    @Test
    void aReaderThatStopsReading_shouldBeDropped_notBufferedWithoutEnd() throws Exception {
        String event = "slow_2026";
        String channel = LiveChannels.gallery(event);
        api.allow(member, event);
        // 20 MB of events: 100 of 200 KB, 5 to a publish
        String large = "{\"pad\":\"" + "x".repeat(200_000) + "\"}";
        int events = 100;
        try (RawWebSocket stuck = RawWebSocket.open(live.port(), member, 4096)) {
            assertEquals(101, stuck.status());
            stuck.send("{\"type\":\"connection_init\"}");
            stuck.send("{\"type\":\"subscribe\",\"id\":\"stuck\",\"channel\":\"" + channel + "\"}");
            await("subscribed", () -> live.subscriptions() == 1);
            long heapBefore = usedHeapAfterGc();
            long deliveredBefore = live.delivered();

            // from here on the client reads nothing
            LiveEventPublisher publisher = publisher(live.publisher());
            for (int i = 0; i < events / 5; i++) {
                publisher.publish(channel, Collections.nCopies(5, large));
            }

            await("the reader is dropped", () -> live.subscriptions() == 0 && live.connections() == 0);
            long queued = live.delivered() - deliveredBefore;
            assertTrue(queued < events, "written until its queue was full, not all " + events + ": " + queued);
            long heapGrowth = usedHeapAfterGc() - heapBefore;
            assertTrue(heapGrowth < 10 * 1024 * 1024, "the server holds nothing of it: heap grew " + heapGrowth);
            assertTrue(stuck.awaitClosedBy(Duration.ofSeconds(10)), "the server closed the TCP connection");
        }
    }

    @Test
    void aConnection_shouldBeClosed_afterItsLifetime() throws Exception {
        try (LocalEventApi shortLived = start(OPTIONS.withConnectionLifetime(Duration.ofSeconds(1)), api::url);
                RawWebSocket socket = RawWebSocket.open(shortLived.port(), member)) {
            assertEquals(101, socket.status());

            assertTrue(socket.awaitClosedBy(Duration.ofSeconds(10)), "closed after its 1 s lifetime");
            await("the server let it go", () -> shortLived.connections() == 0);
        }
    }

    @Test
    void aConnection_shouldBeClosed_whenItsTokenExpires() throws Exception {
        String expiresSoon = GUESTS.bearer("guest:soon", Instant.now().plusSeconds(2));
        try (RawWebSocket socket = RawWebSocket.open(live.port(), expiresSoon)) {
            assertEquals(101, socket.status());

            assertTrue(socket.awaitClosedBy(Duration.ofSeconds(10)), "closed when the token expired (+1 s skew)");
        }
    }

    // ---------------------------------------------------------------------------------------------- revocation

    @Test
    void aSubscription_shouldStopHearing_whenTheApiStartsRefusingItsToken() throws Exception {
        String wall = GUESTS.bearer("wall:" + UUID.randomUUID());
        api.allow(wall, EVENT);
        String channel = LiveChannels.gallery(EVENT);
        try (LiveEventsClient client = LiveEventsClient.connect(live.realtimeUrl(), wall)) {
            assertEquals(
                    "subscribe_success",
                    client.subscribe("wall", channel, null).path("type").asText());
            publisher(live.publisher()).publish(channel, List.of("{\"n\":1}"));
            assertEquals(1, client.nextEvent(Duration.ofSeconds(5)).path("n").asInt());

            api.revoke(wall); // the owner revoked the wall

            JsonNode dropped = client.nextControl(Duration.ofSeconds(10)); // re-checked every 500 ms here
            assertEquals("subscribe_error", dropped.path("type").asText());
            assertEquals("wall", dropped.path("id").asText());
            assertEquals(
                    "UnauthorizedException", dropped.at("/errors/0/errorType").asText());
            await("the subscription is gone", () -> live.subscriptions() == 0);
            publisher(live.publisher()).publish(channel, List.of("{\"n\":2}"));
            assertNull(client.nextEvent(Duration.ofMillis(500)), "a revoked wall hears nothing more");
        }
    }

    @Test
    void aSubscription_shouldStay_whenTheApiFailsWhileReChecking() throws Exception {
        String guest = GUESTS.bearer("guest:" + UUID.randomUUID());
        api.allow(guest, EVENT);
        String channel = LiveChannels.gallery(EVENT);
        try (LiveEventsClient client = LiveEventsClient.connect(live.realtimeUrl(), guest)) {
            assertEquals(
                    "subscribe_success",
                    client.subscribe("gallery", channel, null).path("type").asText());

            api.failFor(guest, true); // 503: the API is in trouble, not refusing
            int asked = api.timesAsked(guest);
            await("re-checked three times while the API fails", () -> api.timesAsked(guest) >= asked + 3);

            assertEquals(1, live.subscriptions());
            publisher(live.publisher()).publish(channel, List.of("{\"n\":3}"));
            assertEquals(3, client.nextEvent(Duration.ofSeconds(5)).path("n").asInt());
            assertThrows(IllegalStateException.class, () -> client.nextControl(Duration.ofMillis(300)), "no error");
        } finally {
            api.failFor(guest, false);
        }
    }

    @Test
    void aSubscription_shouldStay_whenTheApiCannotBeReachedWhileReChecking() throws Exception {
        AtomicReference<String> apiUrl = new AtomicReference<>(api.url());
        try (LocalEventApi server = start(OPTIONS, apiUrl::get);
                LiveEventsClient client = LiveEventsClient.connect(server.realtimeUrl(), member)) {
            String channel = LiveChannels.gallery(EVENT);
            assertEquals(
                    "subscribe_success",
                    client.subscribe("gallery", channel, null).path("type").asText());

            apiUrl.set("http://127.0.0.1:1"); // nothing listens: the API is down
            long rounds = server.recheckRounds();
            await("re-checked three times while the API is down", () -> server.recheckRounds() >= rounds + 3);

            assertEquals(1, server.subscriptions());
            publisher(server, server.publisher()).publish(channel, List.of("{\"n\":4}"));
            assertEquals(4, client.nextEvent(Duration.ofSeconds(5)).path("n").asInt());
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within 15 s: " + what + " (connections " + live.connections() + ", subscriptions "
                        + live.subscriptions() + ")");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
