package com.eventphotos.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
 * viewer and a signed-in stranger. Destructive calls act on things made for that one call, so rows stay independent.
 */
@QuarkusTest
@RealServers
class EventAccessMatrixTest {

    private static final String OWNER = "matrix-owner";
    private static final String CONTRIBUTOR = "matrix-contributor";
    private static final String VIEWER = "matrix-viewer";
    private static final String STRANGER = "matrix-stranger";
    private static final List<String> CALLERS = List.of(OWNER, CONTRIBUTOR, VIEWER, STRANGER);

    private static String eventId;

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

    static Stream<Arguments> matrix() {
        //                                                 OWNER CONTRIBUTOR VIEWER STRANGER
        List<Arguments> rows = new ArrayList<>();
        row(rows, new Call("GET event", r -> r.get("/events/{e}", event())), 200, 200, 200, 404);
        row(rows, new Call("GET photos", r -> r.get("/events/{e}/photos", event())), 200, 200, 200, 404);
        row(
                rows,
                new Call("GET photo", r -> r.get("/events/{e}/photos/{p}", event(), seededPhoto())),
                200,
                200,
                200,
                404);
        row(
                rows,
                new Call("POST initiate-upload", r -> r.body(Map.of("title", "t", "contentType", "image/png"))
                        .post("/events/{e}/photos/initiate-upload", event())),
                201,
                201,
                403,
                404);
        row(
                rows,
                new Call("PUT hidden", r -> r.put("/events/{e}/photos/{p}/hidden", event(), seededPhoto())),
                204,
                403,
                403,
                404);
        row(
                rows,
                new Call("DELETE hidden", r -> r.delete("/events/{e}/photos/{p}/hidden", event(), seededPhoto())),
                204,
                403,
                403,
                404);
        row(
                rows,
                new Call("DELETE owner's photo", r -> r.delete("/events/{e}/photos/{p}", event(), seededPhoto())),
                204,
                403,
                403,
                404);
        row(rows, new Call("GET members", r -> r.get("/events/{e}/members", event())), 200, 403, 403, 404);
        row(
                rows,
                new Call("PUT member role", r -> r.body(Map.of("role", "VIEWER"))
                        .put("/events/{e}/members/{u}", event(), newMember())),
                200,
                403,
                403,
                404);
        row(
                rows,
                new Call("DELETE member", r -> r.delete("/events/{e}/members/{u}", event(), newMember())),
                204,
                403,
                403,
                404);
        row(
                rows,
                new Call("POST invite", r -> r.body(Map.of()).post("/events/{e}/invites", event())),
                201,
                403,
                403,
                404);
        row(rows, new Call("GET invites", r -> r.get("/events/{e}/invites", event())), 200, 403, 403, 404);
        row(
                rows,
                new Call("DELETE invite", r -> r.delete("/events/{e}/invites/{c}", event(), newInvite())),
                204,
                403,
                403,
                404);
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} as {1} answers {2}")
    @MethodSource("matrix")
    void endpoint_shouldAnswerTheRolesStatus_whenCalledByEachKindOfUser(Call call, String caller, int expected) {
        Response response = call.send()
                .apply(given().auth().oauth2(Tokens.forSubject(caller)).contentType(ContentType.JSON));

        assertEquals(expected, response.statusCode(), call + " as " + caller + ": " + response.asString());
        if (expected >= 400) {
            assertEquals(expected, response.jsonPath().getInt("status"), response.asString());
        }
        if (expected == 403) {
            // the refusal names the permission that is missing
            assertEquals(
                    true, response.jsonPath().getString("message").contains("missing permission"), response.asString());
        }
    }

    private static void row(List<Arguments> rows, Call call, int... statuses) {
        for (int i = 0; i < CALLERS.size(); i++) {
            rows.add(Arguments.of(call, CALLERS.get(i), statuses[i]));
        }
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
