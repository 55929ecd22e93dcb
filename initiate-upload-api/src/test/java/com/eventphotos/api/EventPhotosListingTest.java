package com.eventphotos.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.eventphotos.contract.PhotoContentType;
import com.eventphotos.contract.PhotoRecord;
import com.eventphotos.contract.PhotoTable;
import com.eventphotos.contract.UploadKey;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@RealServers
class EventPhotosListingTest {

    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

    @Test
    void list_shouldReturnReadyPhotosNewestFirst_withEveryDocumentedField() {
        String eventId = SeededPhotos.uniqueEventId("order", "viewer");
        PhotoRecord older = SeededPhotos.ready(eventId, "older", T0);
        PhotoRecord newer = SeededPhotos.ready(eventId, "새 사진 🎆", T0.plusSeconds(60));
        SeededPhotos.save(PhotoRecord.rejected(
                new UploadKey(eventId, UUID.randomUUID(), PhotoContentType.PNG),
                T0.plusSeconds(120),
                T0.plusSeconds(121),
                "1",
                "metadata title is missing",
                null));

        list(eventId, null, null)
                .statusCode(200)
                .body(
                        "items.photoId",
                        equalTo(List.of(
                                newer.photoId().toString(), older.photoId().toString())))
                .body("items[0].title", equalTo("새 사진 🎆"))
                .body("items[0].description", equalTo("about 새 사진 🎆"))
                .body("items[0].contentType", equalTo("image/jpeg"))
                .body("items[0].url", equalTo(newer.url()))
                .body("items[0].size", equalTo(2048))
                .body("items[0].width", equalTo(1000))
                .body("items[0].height", equalTo(750))
                .body("items[0].renditions.width", equalTo(List.of(320, 640, 1000)))
                .body("items[0].renditions[2].url", equalTo(newer.url()))
                .body("items[0].renditions[0].height", equalTo(240))
                .body("items[0].renditions[0].webpUrl", endsWith("/w320.webp"))
                .body("items[0].uploadedBy", equalTo("uploader-1"))
                .body("items[0].createdAt", equalTo("2026-11-21T09:01:00.000Z"))
                .body("items[0].status", equalTo("READY"))
                .body("nextToken", nullValue());
    }

    @Test
    void list_shouldPageThroughEveryPhotoOnce_withoutGapsOrDuplicates() {
        String eventId = SeededPhotos.uniqueEventId("pages", "viewer");
        List<PhotoRecord> seeded = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            // two photos per instant: the photoId suffix of the sort key must still order and separate them
            seeded.add(SeededPhotos.ready(eventId, "p" + i, T0.plusSeconds(i / 2)));
        }
        List<String> newestFirst = seeded.stream()
                .sorted(Comparator.comparing(
                                (PhotoRecord r) -> PhotoTable.uploadedAtPhotoId(r.createdAt(), r.photoId()))
                        .reversed())
                .map(r -> r.photoId().toString())
                .toList();

        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonPath page = list(eventId, "5", token).statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("items.photoId");
            assertEquals(pages < 4 ? 5 : 3, ids.size(), "size of page " + pages);
            seen.addAll(ids);
            token = page.getString("nextToken");
            pages++;
        } while (token != null && pages < 10);

        assertEquals(5, pages);
        assertEquals(newestFirst, seen, "every photo exactly once, newest first");
    }

    @Test
    void list_shouldReturn50Photos_whenNoLimitIsGiven() {
        String eventId = SeededPhotos.uniqueEventId("default", "viewer");
        for (int i = 0; i < 51; i++) {
            SeededPhotos.ready(eventId, "p" + i, T0.plusMillis(i));
        }
        list(eventId, null, null)
                .statusCode(200)
                .body("items.size()", equalTo(50))
                .body("nextToken", notNullValue());
    }

    @Test
    void list_shouldBeEmpty_whenTheEventHasNoPhotosYet() {
        list(SeededPhotos.uniqueEventId("empty", "viewer"), null, null)
                .statusCode(200)
                .body("items", empty())
                .body("nextToken", nullValue());
    }

    @Test
    void list_shouldReturn404_whenTheEventIsUnknown() {
        list("no-such-event-" + UUID.randomUUID().toString().substring(0, 8), null, null)
                .statusCode(404)
                .body("status", equalTo(404));
    }

    @Test
    void list_shouldReturn400_whenLimitIsOutOfRange() {
        String eventId = SeededPhotos.uniqueEventId("limits", "viewer");
        for (String limit : new String[] {"0", "101", "-1", "ten", "1.5"}) {
            list(eventId, limit, null)
                    .statusCode(400)
                    .body("violations.field", hasItem("limit"))
                    .body("message", containsString("1 to 100"));
        }
    }

    @Test
    void list_shouldReturn400_whenNextTokenIsTamperedOrForeign() {
        String eventId = SeededPhotos.uniqueEventId("tamper", "viewer");
        for (int i = 0; i < 3; i++) {
            SeededPhotos.ready(eventId, "p" + i, T0.plusSeconds(i));
        }
        String token = list(eventId, "1", null).extract().path("nextToken");
        char last = token.charAt(token.length() - 1);
        String flipped = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        String flippedInPayload = (token.charAt(3) == 'x' ? "y" : "x") + token.substring(1, 3) + token.substring(3);

        for (String bad : new String[] {flipped, flippedInPayload, "garbage", "a.b.c", token + "x"}) {
            list(eventId, "1", bad).statusCode(400).body("violations.field", hasItem("nextToken"));
        }
        list(SeededPhotos.uniqueEventId("other", "viewer"), "1", token)
                .statusCode(400)
                .body("violations.field", hasItem("nextToken"));
        list(eventId, "1", token).statusCode(200).body("items.size()", equalTo(1));
    }

    @Test
    void get_shouldReturnTheRecord_whenItExistsAnd404Otherwise() {
        String eventId = SeededPhotos.uniqueEventId("get", "viewer");
        PhotoRecord ready = SeededPhotos.ready(eventId, "one", T0);
        PhotoRecord rejected = SeededPhotos.save(PhotoRecord.rejected(
                new UploadKey(eventId, UUID.randomUUID(), PhotoContentType.PNG),
                T0,
                T0,
                "1",
                "stored Content-Type text/html is not the issued image/png",
                null));

        get(eventId, ready.photoId().toString())
                .statusCode(200)
                .body("status", equalTo("READY"))
                .body("title", equalTo("one"))
                .body("url", equalTo(ready.url()));
        get(eventId, rejected.photoId().toString())
                .statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("rejectionReason", containsString("text/html"));
        get(eventId, UUID.randomUUID().toString()).statusCode(404).body("status", equalTo(404));
        get(eventId, "not-a-uuid").statusCode(400).body("violations.field", hasItem("photoId"));
        get("bad.event", ready.photoId().toString()).statusCode(400).body("violations.field", hasItem("eventId"));
    }

    @Test
    void listAndGet_shouldReturn401_whenNoValidTokenIsSent() {
        given().get("/events/e1/photos").then().statusCode(401);
        given().get("/events/e1/photos/" + UUID.randomUUID()).then().statusCode(401);
        given().auth()
                .oauth2(Tokens.expired("u"))
                .get("/events/e1/photos")
                .then()
                .statusCode(401);
    }

    private static ValidatableResponse list(String eventId, String limit, String nextToken) {
        var request = given().auth().oauth2(Tokens.forSubject("viewer"));
        if (limit != null) {
            request.queryParam("limit", limit);
        }
        if (nextToken != null) {
            request.queryParam("nextToken", nextToken);
        }
        return request.get("/events/{eventId}/photos", eventId).then();
    }

    private static ValidatableResponse get(String eventId, String photoId) {
        return given().auth()
                .oauth2(Tokens.forSubject("viewer"))
                .get("/events/{eventId}/photos/{photoId}", eventId, photoId)
                .then();
    }
}
