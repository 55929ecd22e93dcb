package com.eventphotos.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Who may do what, over HTTP with real tokens: every endpoint of an event, called by its owner, a contributor, a
 * viewer, a signed-in stranger, a guest of the event (a guest link that lets guests see the photos) and a guest of
 * another event. Destructive calls act on things made for that one call, so rows stay independent. A guest token
 * anywhere but the guest routes is a token of an unknown issuer: 401.
 */
@QuarkusTest
@RealServers
class EventAccessMatrixTest {

    private static final String OWNER = "matrix-owner";
    private static final String CONTRIBUTOR = "matrix-contributor";
    private static final String VIEWER = "matrix-viewer";
    private static final String STRANGER = "matrix-stranger";
    private static final String GUEST = "guest of the event";
    private static final String OTHER_EVENTS_GUEST = "guest of another event";
    private static final List<String> CALLERS =
            List.of(OWNER, CONTRIBUTOR, VIEWER, STRANGER, GUEST, OTHER_EVENTS_GUEST);
    private static final String PHOTO = "/events/{e}/photos/{p}";
    private static final String HIDDEN = PHOTO + "/hidden";
    private static final String INITIATE = "/events/{e}/photos/initiate-upload";
    private static final String MEMBER = "/events/{e}/members/{u}";
    private static final String INVITES = "/events/{e}/invites";
    /** With its size: guests must declare it (their bytes are counted). */
    private static final Map<String, Object> UPLOAD =
            Map.of("title", "t", "contentType", "image/png", "contentLength", 100);

    private static String eventId;
    private static final Map<String, String> guestTokens = new java.util.concurrent.ConcurrentHashMap<>();

    /** One event with one member of each role, made once for the whole matrix. */
    private static synchronized String event() {
        if (eventId == null) {
            eventId = TestEvents.created(OWNER, "matrix");
            TestEvents.join(CONTRIBUTOR, TestEvents.invite(OWNER, eventId, "CONTRIBUTOR"))
                    .statusCode(200);
            TestEvents.join(VIEWER, TestEvents.invite(OWNER, eventId, "VIEWER")).statusCode(200);
        }
        return eventId;
    }

    /** What one caller sends: built per call, so a destructive call gets its own photo, invite or member. */
    private record Call(String name, Function<RequestSpecification, Response> send) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Expected statuses for OWNER, CONTRIBUTOR, VIEWER, STRANGER, GUEST and OTHER_EVENTS_GUEST, then the call. */
    static Stream<Arguments> matrix() {
        return Stream.of(
                        row("200 200 200 404 401 401", "GET event", r -> r.get("/events/{e}", event())),
                        row("200 200 200 404 200 404", "GET photos", r -> r.get("/events/{e}/photos", event())),
                        row("200 200 200 404 200 404", "GET photo", r -> r.get(PHOTO, event(), seededPhoto())),
                        // the question the Event API's authorizer (and the local event server) asks per subscription
                        row("200 200 200 404 200 404", "GET live", r -> r.get("/events/{e}/live", event())),
                        // the wall page's frame: owners and wall tokens only (a guest link is on it)
                        row("200 403 403 404 404 404", "GET wall", r -> r.get("/events/{e}/wall", event())),
                        row("201 403 403 404 401 401", "POST wall", r -> r.post("/events/{e}/walls", event())),
                        row("201 201 403 404 201 404", "POST initiate-upload", r -> r.body(UPLOAD)
                                .post(INITIATE, event())),
                        row("201 201 403 404 201 404", "POST initiate-uploads", r -> r.body(
                                        Map.of("photos", List.of(UPLOAD, UPLOAD)))
                                .post(INITIATE + "s", event())),
                        // uploads in parts: viewers may not upload; whose upload it is comes after
                        // (MultipartUploadTest)
                        row(
                                "404 404 403 404 404 404",
                                "GET upload",
                                r -> r.get(PHOTO + "/upload", event(), UUID.randomUUID())),
                        row("404 404 403 404 404 404", "POST complete", r -> r.body(
                                        Map.of("parts", List.of(Map.of("partNumber", 1, "etag", "e"))))
                                .post(PHOTO + "/complete", event(), UUID.randomUUID())),
                        row(
                                "404 404 404 404 404 404",
                                "DELETE upload",
                                r -> r.delete(PHOTO + "/upload", event(), UUID.randomUUID())),
                        row("204 403 403 404 401 401", "PUT hidden", r -> r.put(HIDDEN, event(), seededPhoto())),
                        row("204 403 403 404 401 401", "DELETE hidden", r -> r.delete(HIDDEN, event(), seededPhoto())),
                        row(
                                "204 403 403 404 403 404",
                                "DELETE owner's photo",
                                r -> r.delete(PHOTO, event(), seededPhoto())),
                        row("200 403 403 404 401 401", "GET members", r -> r.get("/events/{e}/members", event())),
                        row("200 403 403 404 401 401", "PUT member role", r -> r.body(Map.of("role", "VIEWER"))
                                .put(MEMBER, event(), newMember())),
                        row("204 403 403 404 401 401", "DELETE member", r -> r.delete(MEMBER, event(), newMember())),
                        row("201 403 403 404 401 401", "POST invite", r -> r.body(Map.of())
                                .post(INVITES, event())),
                        row("200 403 403 404 401 401", "GET invites", r -> r.get(INVITES, event())),
                        row(
                                "204 403 403 404 401 401",
                                "DELETE invite",
                                r -> r.delete(INVITES + "/{c}", event(), newInvite())))
                .flatMap(Function.identity());
    }

    @ParameterizedTest(name = "{0} as {1} answers {2}")
    @MethodSource("matrix")
    void endpoint_shouldAnswerTheRolesStatus_whenCalledByEachKindOfUser(Call call, String caller, int expected) {
        Response response =
                call.send().apply(given().auth().oauth2(token(caller)).contentType(ContentType.JSON));

        assertEquals(expected, response.statusCode(), call + " as " + caller + ": " + response.asString());
        if (expected >= 400) {
            assertEquals(expected, response.jsonPath().getInt("status"), response.asString());
        }
        if (expected == 403) {
            // the refusal names the permission that is missing, or (guests) the one rule they have
            String reason = caller.equals(GUEST) ? "only the photos you uploaded" : "missing permission";
            assertEquals(true, response.jsonPath().getString("message").contains(reason), response.asString());
        }
    }

    private static Stream<Arguments> row(String statuses, String name, Function<RequestSpecification, Response> send) {
        String[] expected = statuses.split(" ");
        Call call = new Call(name, send);
        return IntStream.range(0, CALLERS.size())
                .mapToObj(i -> Arguments.of(call, CALLERS.get(i), Integer.parseInt(expected[i])));
    }

    /** A member's token, or a guest's from a guest link (guests see the photos, no review) of this or another event. */
    private static String token(String caller) {
        return switch (caller) {
            case GUEST ->
                guestTokens.computeIfAbsent(
                        caller, c -> Guests.token(Guests.link(OWNER, event(), true, false), "Guest 손님"));
            case OTHER_EVENTS_GUEST ->
                guestTokens.computeIfAbsent(
                        caller,
                        c -> Guests.token(
                                Guests.link(OWNER, TestEvents.created(OWNER, "matrix-other"), true, false),
                                "Elsewhere"));
            default -> Tokens.forSubject(caller);
        };
    }

    /** A READY photo the owner uploaded. */
    private static String seededPhoto() {
        return SeededPhotos.ready(event(), "by the owner", Instant.now(), OWNER)
                .photoId()
                .toString();
    }

    private static String newMember() {
        String member = "matrix-guest-" + System.nanoTime();
        TestEvents.join(member, TestEvents.invite(OWNER, event(), "CONTRIBUTOR"))
                .statusCode(200);
        return member;
    }

    private static String newInvite() {
        return TestEvents.invite(OWNER, event(), "VIEWER");
    }
}
