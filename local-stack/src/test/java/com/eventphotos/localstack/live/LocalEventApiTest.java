package com.eventphotos.localstack.live;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.eventphotos.contract.live.LiveChannels;
import com.eventphotos.contract.live.LiveEventPublisher;
import com.eventphotos.contract.live.LivePublishException;
import com.eventphotos.testsupport.LiveEventsClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local Event API as its clients see it: a SigV4-signed publish reaches every subscription of the channel once,
 * anything else is refused as AppSync refuses it. Who may subscribe is the API's answer to {@code GET
 * /events/{id}/live}; here a stand-in answers it (the real API's answers: LocalStackEndToEndTest).
 */
class LocalEventApiTest {

    private static final String MEMBER = "Bearer member-of-party_2026";
    private static final String EVENT = "party_2026";
    private static HttpServer api;
    private static LocalEventApi live;

    @BeforeAll
    static void start() throws Exception {
        api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/", exchange -> {
            boolean allowed = exchange.getRequestURI().getPath().equals("/events/" + EVENT + "/live")
                    && MEMBER.equals(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(allowed ? 200 : 404, -1);
            exchange.close();
        });
        api.start();
        live = LocalEventApi.start(
                0,
                () -> "http://127.0.0.1:" + api.getAddress().getPort(),
                LocalEventApi.newPublisherCredentials(),
                Duration.ofMillis(200));
    }

    @AfterAll
    static void stop() {
        live.close();
        api.stop(0);
    }

    private static LiveEventPublisher publisher(AwsBasicCredentials credentials) {
        return new LiveEventPublisher(
                URI.create(live.httpUrl()),
                "us-east-1",
                StaticCredentialsProvider.create(credentials),
                Duration.ofSeconds(5));
    }

    @Test
    void publish_shouldReachEverySubscriberOnce_whenSignedByThePublisher() throws Exception {
        String channel = LiveChannels.gallery(EVENT);
        try (LiveEventsClient first = LiveEventsClient.connect(live.realtimeUrl(), MEMBER);
                LiveEventsClient second = LiveEventsClient.connect(live.realtimeUrl(), MEMBER)) {
            assertEquals(
                    "subscribe_success",
                    first.subscribe("a", channel, null).path("type").asText());
            assertEquals(
                    "subscribe_success",
                    second.subscribe("b", channel, MEMBER).path("type").asText());

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
        try (LiveEventsClient stranger = LiveEventsClient.connect(live.realtimeUrl(), "Bearer stranger")) {
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
        try (LiveEventsClient member = LiveEventsClient.connect(live.realtimeUrl(), MEMBER)) {
            // a member of one event may not listen to all of them, nor to a channel spelled otherwise
            assertEquals(
                    "subscribe_error",
                    member.subscribe("w", "/gallery/*", null).path("type").asText());
            assertEquals(
                    "subscribe_error",
                    member.subscribe("x", "/gallery/party_2026", null)
                            .path("type")
                            .asText());
            assertEquals(
                    "subscribe_error",
                    member.subscribe("y", "gallery", null).path("type").asText());
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
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(unsigned.body())
                        .at("/errors/0/errorType")
                        .asText());
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
        try (LiveEventsClient member = LiveEventsClient.connect(live.realtimeUrl(), MEMBER)) {
            member.send(new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree("{\"type\":\"publish\",\"id\":\"p\",\"channel\":\"/gallery/x\",\"events\":[\"{}\"]}"));

            JsonNode answer = member.nextControl(Duration.ofSeconds(5));
            assertEquals("publish_error", answer.path("type").asText());
        }
    }
}
