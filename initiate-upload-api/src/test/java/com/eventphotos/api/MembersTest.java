package com.eventphotos.api;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
@RealServers
class MembersTest {

    @Test
    void list_shouldShowEveryMemberWithRoleAndName() {
        String eventId = TestEvents.created("members-owner", "crew");
        TestEvents.join("crew-guest", TestEvents.invite("members-owner", eventId, "VIEWER"))
                .statusCode(200);

        as("members-owner")
                .get("/events/{e}/members", eventId)
                .then()
                .statusCode(200)
                .body("items.userId", hasItems("members-owner", "crew-guest"))
                .body("items.find { it.userId == 'crew-guest' }.role", equalTo("VIEWER"))
                .body("items.find { it.userId == 'crew-guest' }.displayName", equalTo("crew-guest"));
    }

    @Test
    void changeRole_shouldLetTheNewRoleApplyAtOnce() {
        String eventId = TestEvents.created("promoter", "promote");
        TestEvents.join("promoted", TestEvents.invite("promoter", eventId, "VIEWER"))
                .statusCode(200);
        upload("promoted", eventId).statusCode(403);

        as("promoter")
                .body(Map.of("role", "CONTRIBUTOR"))
                .put("/events/{e}/members/{u}", eventId, "promoted")
                .then()
                .statusCode(200)
                .body("role", equalTo("CONTRIBUTOR"));

        upload("promoted", eventId).statusCode(201);
    }

    @Test
    void changeRoleAndRemove_shouldReturn409_whenTheyWouldLeaveNoOwner() {
        String eventId = TestEvents.created("sole-owner", "sole");

        as("sole-owner")
                .body(Map.of("role", "VIEWER"))
                .put("/events/{e}/members/{u}", eventId, "sole-owner")
                .then()
                .statusCode(409)
                .contentType(ContentType.JSON)
                .body("message", containsString("at least one owner"));
        as("sole-owner")
                .delete("/events/{e}/members/{u}", eventId, "sole-owner")
                .then()
                .statusCode(409);
        as("sole-owner").get("/events/{e}", eventId).then().statusCode(200).body("role", equalTo("OWNER"));
    }

    @Test
    void remove_shouldLetASecondOwnerStepDown_andTheRemovedMemberLoseAccessAtOnce() {
        String eventId = TestEvents.created("first-owner", "two-owners");
        TestEvents.join("second-owner", TestEvents.invite("first-owner", eventId, "VIEWER"))
                .statusCode(200);
        as("first-owner")
                .body(Map.of("role", "OWNER"))
                .put("/events/{e}/members/{u}", eventId, "second-owner")
                .then()
                .statusCode(200);

        as("first-owner")
                .delete("/events/{e}/members/{u}", eventId, "first-owner")
                .then()
                .statusCode(204);

        as("first-owner").get("/events/{e}/photos", eventId).then().statusCode(404);
        as("second-owner")
                .get("/events/{e}/members", eventId)
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1));
    }

    @Test
    void remove_shouldLetAnyMemberLeave_butNotRemoveOthers() {
        String eventId = TestEvents.created("host", "leave");
        TestEvents.join("leaver", TestEvents.invite("host", eventId, "CONTRIBUTOR"))
                .statusCode(200);
        TestEvents.join("stayer", TestEvents.invite("host", eventId, "CONTRIBUTOR"))
                .statusCode(200);

        as("leaver").delete("/events/{e}/members/{u}", eventId, "stayer").then().statusCode(403);
        as("leaver").delete("/events/{e}/members/{u}", eventId, "leaver").then().statusCode(204);

        as("leaver").get("/events/{e}", eventId).then().statusCode(404);
        as("stayer").get("/events/{e}", eventId).then().statusCode(200);
    }

    @Test
    void changeRole_shouldReturn404_whenTheUserIsNoMember() {
        String eventId = TestEvents.created("host-2", "nobody");

        as("host-2")
                .body(Map.of("role", "VIEWER"))
                .put("/events/{e}/members/{u}", eventId, "nobody")
                .then()
                .statusCode(404);
        as("host-2")
                .body(Map.of("role", "VIEWER"))
                .put("/events/{e}/members/{u}", eventId, "x".repeat(201))
                .then()
                .statusCode(400);
    }

    private static io.restassured.response.ValidatableResponse upload(String subject, String eventId) {
        return as(subject)
                .body(Map.of("title", "t", "contentType", "image/png"))
                .post("/events/{e}/photos/initiate-upload", eventId)
                .then();
    }

    private static RequestSpecification as(String subject) {
        return given().auth().oauth2(Tokens.forSubject(subject)).contentType(ContentType.JSON);
    }
}
