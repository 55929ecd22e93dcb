package com.eventphotos.api;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@RealServers
class EventsTest {

    @Test
    void create_shouldMakeTheCallerOwner_andListTheEventAmongTheirs() {
        String eventId = "wedding-" + System.nanoTime();

        as("organiser-1")
                .body(Map.of("name", "민지 & Alex 결혼식 💍", "eventId", eventId))
                .post("/events")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/events/" + eventId))
                .body("eventId", equalTo(eventId))
                .body("name", equalTo("민지 & Alex 결혼식 💍"))
                .body("role", equalTo("OWNER"));

        as("organiser-1").get("/events/{e}", eventId).then().statusCode(200).body("role", equalTo("OWNER"));
        as("organiser-1").get("/events").then().statusCode(200).body("items.eventId", hasItem(eventId));
        as("someone-else").get("/events").then().statusCode(200).body("items.eventId", not(hasItem(eventId)));
    }

    @Test
    void create_shouldGenerateAnId_whenNoneIsGiven() {
        as("organiser-2")
                .body(Map.of("name", "Conference"))
                .post("/events")
                .then()
                .statusCode(201)
                .body("eventId", matchesPattern("[A-Za-z0-9_-]{12}"));
    }

    @Test
    void create_shouldReturn409AndLeaveTheEventAlone_whenTheIdIsTaken() {
        String eventId = TestEvents.created("organiser-3", "taken");

        as("intruder")
                .body(Map.of("name", "mine now", "eventId", eventId))
                .post("/events")
                .then()
                .statusCode(409)
                .contentType(ContentType.JSON)
                .body("message", containsString("is taken"));
        as("intruder").get("/events/{e}", eventId).then().statusCode(404);
        as("organiser-3").get("/events/{e}", eventId).then().statusCode(200).body("name", equalTo("Event " + eventId));
    }

    @Test
    void create_shouldReturn400NamingTheField_whenNameIsBlankOrTooLongOrIdMalformed() {
        as("organiser-4")
                .body(Map.of("name", " "))
                .post("/events")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("name"));
        as("organiser-4")
                .body(Map.of("name", "가".repeat(101)))
                .post("/events")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("name"));
        as("organiser-4")
                .body(Map.of("name", "ok", "eventId", "no spaces"))
                .post("/events")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("eventId"));
    }

    @Test
    void get_shouldAnswer404TheSameWay_whenTheEventDoesNotExistOrTheCallerIsNoMember() {
        String eventId = TestEvents.created("organiser-5", "private");

        String stranger = as("stranger-5")
                .get("/events/{e}", eventId)
                .then()
                .statusCode(404)
                .extract()
                .path("message");
        String missing = as("stranger-5")
                .get("/events/{e}", eventId + "x")
                .then()
                .statusCode(404)
                .extract()
                .path("message");

        org.junit.jupiter.api.Assertions.assertEquals(
                stranger.replace(eventId, "E"), missing.replace(eventId + "x", "E"));
    }

    private static RequestSpecification as(String subject) {
        return given().auth().oauth2(Tokens.forSubject(subject)).contentType(ContentType.JSON);
    }
}
