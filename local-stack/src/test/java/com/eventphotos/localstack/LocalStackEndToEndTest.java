package com.eventphotos.localstack;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.eventphotos.contract.CdnCaching;
import com.eventphotos.emulators.BrowserStylePut;
import com.eventphotos.emulators.LoopbackPorts;
import com.eventphotos.emulators.RepositoryPaths;
import com.eventphotos.testsupport.JpegSegments;
import com.eventphotos.testsupport.LiveEventsClient;
import com.eventphotos.testsupport.TestImages;
import com.eventphotos.testsupport.WebpChunks;
import com.fasterxml.jackson.databind.JsonNode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The two-step upload as the browser client does it, against the stack ./run-local.sh starts: Keycloak
 * tokens, the packaged API, the signature-checking S3 server, the processor's function.zip under AWS's
 * Lambda runtime client, DynamoDB Local and the CDN stand-in. Runs on free ports beside a developer's stack.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackEndToEndTest {

    private static final Duration PROCESSING_DEADLINE = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalStack stack;
    private static WebClientSession client;
    /** Offered to every server that must be told its port, before a free one: the stack must move on. */
    private static ServerSocket takenPort;

    private static TakenPortFirst portCandidates;

    @BeforeAll
    static void startStack() throws Exception {
        Path root = RepositoryPaths.find("local-stack").getParent();
        takenPort = new ServerSocket(LoopbackPorts.candidate(), 1, InetAddress.getLoopbackAddress());
        portCandidates = new TakenPortFirst(takenPort.getLocalPort());
        stack = LocalStack.start(
                LocalStackConfig.onFreePorts(
                        root, RepositoryPaths.targetDir("e2e-stack-" + System.currentTimeMillis()), portCandidates),
                System.out);
        client = WebClientSession.signIn(stack, LocalStackConfig.ORGANISER_USERNAME, stack.organiserPassword());
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
        takenPort.close();
    }

    @Test
    @Order(0)
    void start_shouldMoveEachServerToAnotherPort_whenItsFirstPortWasTaken() {
        // Keycloak, DynamoDB Local and the API are told their port; each was offered the taken one first.
        assertEquals(3, portCandidates.takenOffers(), "servers offered the taken port");
        assertFalse(
                StackProbes.ports(stack).contains(takenPort.getLocalPort()),
                StackProbes.ports(stack).toString());
    }

    @Test
    @Order(2)
    void export_shouldBuildAZipOfTheOriginalsByteForByte_inTheExportWorker_whoseLinkDownloadsIt() throws Exception {
        String eventId =
                client.createEvent("e2e-export-" + UUID.randomUUID().toString().substring(0, 8));
        Map<String, byte[]> originals = new java.util.LinkedHashMap<>();
        for (String title : List.of("Mom's 60th (garden)!", "엄마 생신 🎂", "Mom's 60th (garden)!")) {
            byte[] photo = TestImages.phoneJpeg(800, 600, originals.size() + 1);
            JsonNode upload = client.initiateUpload(eventId, title, "", "image/jpeg", (long) photo.length);
            assertEquals(200, WebClientSession.putUpload(upload, photo).status());
            awaitReady(eventId, upload.get("photoId").asText());
            originals.put(upload.get("photoId").asText(), photo);
        }
        String firstId = originals.keySet().iterator().next();
        JsonNode link = WebClientSession.JSON.readTree(
                client.get("/events/" + eventId + "/photos/" + firstId + "/original?redirect=false")
                        .body());
        assertArrayEquals(originals.get(firstId), download(link.get("url").asText()), "the original, as uploaded");

        JsonNode live = WebClientSession.JSON.readTree(
                client.get("/events/" + eventId + "/live").body());
        LiveEventsClient page =
                LiveEventsClient.connect(live.get("realtimeUrl").asText(), "Bearer " + client.accessToken());
        assertEquals(
                "subscribe_success",
                page.subscribe("gallery", live.get("channel").asText(), null)
                        .path("type")
                        .asText());
        HttpResponse<String> started = client.post("/events/" + eventId + "/exports", "{}");
        assertEquals(202, started.statusCode(), started.body());
        String exportId =
                WebClientSession.JSON.readTree(started.body()).get("exportId").asText();
        JsonNode finished = null;
        try (page) {
            long announcedBy = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (finished == null && System.nanoTime() < announcedBy) {
                JsonNode data = page.nextData(Duration.ofSeconds(5));
                JsonNode event = data == null
                        ? null
                        : WebClientSession.JSON.readTree(data.get("event").asText());
                if (event != null && "export.finished".equals(event.path("type").asText())) {
                    finished = event;
                }
            }
        }
        assertNotNull(finished, "the page hears that its export finished, without polling");
        assertEquals(exportId, finished.get("exportId").asText());
        assertEquals("READY", finished.get("status").asText());
        JsonNode export = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            export = WebClientSession.JSON.readTree(
                    client.get("/events/" + eventId + "/exports/" + exportId).body());
            if (!List.of("QUEUED", "RUNNING").contains(export.get("status").asText())) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals("READY", export.get("status").asText(), export.toString());
        assertEquals(3, export.get("photos").asInt());
        Path zip = RepositoryPaths.targetDir("e2e-export").resolve(exportId + ".zip");
        java.nio.file.Files.createDirectories(zip.getParent());
        java.nio.file.Files.write(
                zip, download(export.get("archives").get(0).get("url").asText()));
        try (java.util.zip.ZipFile archive = new java.util.zip.ZipFile(zip.toFile())) {
            List<byte[]> entries = new java.util.ArrayList<>();
            List<String> names = new java.util.ArrayList<>();
            for (java.util.zip.ZipEntry entry : archive.stream().toList()) {
                names.add(entry.getName());
                entries.add(archive.getInputStream(entry).readAllBytes());
            }
            assertEquals(3, entries.size(), names.toString());
            for (byte[] original : originals.values()) {
                assertTrue(entries.stream().anyMatch(e -> java.util.Arrays.equals(e, original)), "byte for byte");
            }
            assertTrue(names.stream().anyMatch(n -> n.endsWith("_Mom's 60th (garden)!.jpg")), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.contains("엄마 생신 🎂")), names.toString());
            assertEquals(3, new java.util.HashSet<>(names).size(), "unique names: " + names);
        }
    }

    private static byte[] download(String url) throws Exception {
        HttpResponse<byte[]> response =
                HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    @Test
    @Order(1)
    void upload_shouldBecomeAListedPhotoWhoseRenditionsTheCdnServes_whenAKoreanTitledPhoneJpegIsPut() throws Exception {
        String eventId =
                client.createEvent("e2e-" + UUID.randomUUID().toString().substring(0, 8));
        byte[] photo = TestImages.phoneJpeg(1200, 900, 6);
        String title = "한강 야경 🌉 2026";
        String description = "친구들과 함께 + 100% 행복 & 추억 = 최고";

        JsonNode upload = client.initiateUpload(eventId, title, description, "image/jpeg", (long) photo.length);
        Map<String, String> headers = WebClientSession.headersOf(upload);
        BrowserStylePut.Result put =
                BrowserStylePut.put(upload.get("s3PutObjectUrl").asText(), headers, photo);
        assertEquals(200, put.status(), put.body());

        JsonNode ready = awaitReady(eventId, upload.get("photoId").asText());
        assertEquals(title, ready.get("title").asText());

        JsonNode listed = findListed(client.list(eventId), upload.get("photoId").asText());
        assertEquals(title, listed.get("title").asText());
        assertEquals(description, listed.get("description").asText());
        assertEquals(photo.length, listed.get("size").asLong());
        assertEquals("image/jpeg", listed.get("contentType").asText());
        assertEquals(1200, listed.get("width").asInt());
        assertEquals(900, listed.get("height").asInt());
        assertEquals(List.of(320, 640, 1200), widths(listed.get("renditions")));
        assertTrue(listed.get("url").asText().startsWith(stack.cdnUrl() + "/photos/event_" + eventId + "/"));

        for (JsonNode rendition : listed.get("renditions")) {
            HttpResponse<byte[]> download = HTTP.send(
                    HttpRequest.newBuilder(URI.create(rendition.get("url").asText()))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, download.statusCode());
            assertEquals(rendition.get("bytes").asLong(), download.body().length);
            assertEquals(List.of(), JpegSegments.metadata(download.body()), "no EXIF, GPS or XMP is published");
            assertEquals(
                    CdnCaching.CACHE_CONTROL,
                    download.headers().firstValue("Cache-Control").orElse(null));
            assertEquals(
                    "image/jpeg", download.headers().firstValue("Content-Type").orElse(null));

            HttpResponse<byte[]> webp = HTTP.send(
                    HttpRequest.newBuilder(URI.create(rendition.get("webpUrl").asText()))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, webp.statusCode());
            assertEquals("image/webp", webp.headers().firstValue("Content-Type").orElse(null));
            assertEquals(rendition.get("webpBytes").asLong(), webp.body().length);
            assertEquals(List.of(), WebpChunks.metadata(webp.body()), "no EXIF, XMP or ICC in the WebP either");
        }
        String original = stack.cdnUrl() + "/" + upload.get("objectKey").asText();
        assertEquals(
                404,
                HTTP.send(HttpRequest.newBuilder(URI.create(original)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode(),
                "the CDN never serves an original");
    }

    @Test
    @Order(1)
    void upload_shouldBeRejectedAndNothingServed_whenHtmlIsDeclaredAsPng() throws Exception {
        String eventId =
                client.createEvent("e2e-html-" + UUID.randomUUID().toString().substring(0, 8));
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        JsonNode upload = client.initiateUpload(eventId, "not a photo", "", "image/png", (long) html.length);
        BrowserStylePut.Result put = WebClientSession.putUpload(upload, html);
        assertEquals(200, put.status(), "S3 stores whatever bytes match the signed size and type");

        JsonNode rejected = awaitProcessed(eventId, upload.get("photoId").asText());
        assertEquals("REJECTED", rejected.get("status").asText());
        assertTrue(rejected.get("rejectionReason").asText().contains("not a image/png image"), rejected.toString());
        assertEquals(0, client.list(eventId).get("items").size(), "never listed");
        assertEquals(0, StackProbes.deadLetteredEvents(stack), "a rejected upload is handled, not a failed invocation");
        String original = stack.cdnUrl() + "/" + upload.get("objectKey").asText();
        assertEquals(
                404,
                HTTP.send(HttpRequest.newBuilder(URI.create(original)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode());
    }

    @Test
    @Order(2)
    void upload_shouldBeRefusedAndProduceNoRecord_whenTheUrlWasTampered() throws Exception {
        String eventId =
                client.createEvent("e2e-tamper-" + UUID.randomUUID().toString().substring(0, 8));
        JsonNode upload = client.initiateUpload(eventId, "honest title", "", "image/png", null);
        String url = upload.get("s3PutObjectUrl").asText();
        String tampered = url.replace("x-amz-meta-title=honest%20title", "x-amz-meta-title=forged%20title");
        assertFalse(tampered.equals(url), "the test must really change the URL");

        BrowserStylePut.Result put =
                BrowserStylePut.put(tampered, WebClientSession.headersOf(upload), TestImages.png(10, 10));
        assertEquals(403, put.status(), put.body());

        Instant until = Instant.now().plusSeconds(5);
        while (Instant.now().isBefore(until)) {
            assertEquals(
                    404,
                    client.getPhoto(eventId, upload.get("photoId").asText()).statusCode());
            Thread.sleep(500);
        }
        assertTrue(client.list(eventId).get("items").isEmpty());
    }

    @Test
    @Order(3)
    void preflight_shouldBeAccepted_onlyForTheWebClientOrigin() throws Exception {
        JsonNode upload = client.initiateUpload(client.createEvent("e2e-cors"), "cors", "", "image/jpeg", null);
        String url = upload.get("s3PutObjectUrl").asText();
        String webOrigin = stack.webOrigins().get(0);

        HttpResponse<String> allowed = preflight(url, webOrigin);
        assertEquals(200, allowed.statusCode(), allowed.body());
        // s3rver answers "*" once the origin matched a rule (S3 echoes the origin); either lets a browser PUT
        assertTrue(
                List.of(webOrigin, "*")
                        .contains(allowed.headers()
                                .firstValue("Access-Control-Allow-Origin")
                                .orElse("")),
                allowed.headers().map().toString());
        assertTrue(allowed.headers()
                .firstValue("Access-Control-Allow-Methods")
                .orElse("")
                .contains("PUT"));
        assertTrue(allowed.headers()
                .firstValue("Access-Control-Allow-Headers")
                .orElse("")
                .toLowerCase()
                .contains("content-type"));

        HttpResponse<String> foreign = preflight(url, "https://evil.example.com");
        assertTrue(foreign.statusCode() >= 400, "foreign origin preflight status " + foreign.statusCode());
        assertNull(foreign.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    }

    @Test
    @Order(4)
    void apiRequest_shouldGet401_whenNoTokenIsSent() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/events/e2e/photos"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(response.body().contains("\"status\":401"), response.body());
    }

    @Test
    @Order(4)
    void apiRequest_shouldBeAccepted_whenKeycloakTokensOfThisAppAreSentBareOrAsBearer() throws Exception {
        client.createEvent("e2e-tokens");
        for (String authorization : List.of(
                client.accessToken(),
                "Bearer " + client.accessToken(),
                client.idToken(),
                "Bearer " + client.idToken())) {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/events/e2e-tokens/photos"))
                            .header("Authorization", authorization)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), authorization.substring(0, 12) + "…: " + response.body());
        }
    }

    @Test
    @Order(5)
    void webClient_shouldSignInUploadPhotosWithProgress_resumeALargeOneInParts_andShowThemInTheGallery_inChromium()
            throws Exception {
        Path photos = RepositoryPaths.targetDir("e2e-photos");
        Path first = Files.write(photos.resolve("fireworks.png"), TestImages.png(800, 600));
        Path second = Files.write(photos.resolve("river-night.jpg"), TestImages.jpeg(640, 480));
        // three parts of an upload in parts (5 MiB, 5 MiB, the rest)
        Path large = Files.write(photos.resolve("party-panorama.jpg"), TestImages.paddedJpeg(11 * 1024 * 1024, 42));
        // the browser test uploads to this event, and by keyboard to its "-keyboard" twin: both the demo user's
        String eventId =
                client.createEvent("e2e-web-" + UUID.randomUUID().toString().substring(0, 8));
        client.createEvent(eventId + "-keyboard");

        runBrowserTest(
                "upload.e2e.mjs",
                Map.of(
                        "EVENT_ID", eventId,
                        "GUEST_USERNAME", LocalStackConfig.GUEST_USERNAME,
                        "GUEST_PASSWORD", stack.guestPassword(),
                        "PHOTO_1", first.toString(),
                        "PHOTO_2", second.toString(),
                        "PHOTO_LARGE", large.toString()),
                Duration.ofMinutes(3));
        assertTrue(
                Files.size(RepositoryPaths.targetDir("screenshots").resolve("gallery.png")) > 0,
                "gallery screenshot saved under target/");
    }

    @Test
    @Order(6)
    void guestLink_shouldLetAGuestWithoutAnAccountUpload30PhotosByQrCode_thatTheOrganiserApprovesInTheReviewQueue()
            throws Exception {
        Path photos = RepositoryPaths.targetDir("e2e-guest-photos");
        for (int i = 0; i < 30; i++) {
            // each a different picture (width), as a phone's camera roll would be
            Files.write(photos.resolve("IMG_%04d.jpg".formatted(2000 + i)), TestImages.jpeg(640 + 8 * i, 480));
        }
        String eventId =
                client.createEvent("e2e-guests-" + UUID.randomUUID().toString().substring(0, 8));

        runBrowserTest(
                "guest.e2e.mjs", Map.of("EVENT_ID", eventId, "GUEST_PHOTOS", photos.toString()), Duration.ofMinutes(5));

        JsonNode listed = client.list(eventId);
        assertEquals(30, listed.path("items").size(), "the 30 approved photos are listed: " + listed);
        listed.path("items")
                .forEach(photo ->
                        assertEquals("APPROVED", photo.path("reviewStatus").asText()));
    }

    @Test
    @Order(7)
    void demoGuestLink_shouldStartAGuestSessionForTheDemoEvent_asRunLocalPrintsIt() throws Exception {
        String link = DemoGuestLink.create(stack);

        // the API builds links on the first allowed web origin, which may name the host differently from webUrl()
        assertTrue(
                stack.webOrigins().stream()
                        .anyMatch(origin -> link.startsWith(origin + "/g/" + DemoGuestLink.EVENT_ID + "~")),
                link);
        String code = link.substring(link.lastIndexOf('/') + 1);
        JsonNode session = guestSession(code, "Mom's friend");
        assertEquals(DemoGuestLink.EVENT_NAME, session.path("eventName").asText(), session.toString());
    }

    @Test
    @Order(8)
    void liveChannel_shouldTellAnOpenGalleryOfANewPhotoAndItsDeletionOnce_andRefuseWhoMayNotSeeTheEvent()
            throws Exception {
        String eventId =
                client.createEvent("live-" + UUID.randomUUID().toString().substring(0, 8));
        WebClientSession otherEventsMember =
                WebClientSession.signIn(stack, LocalStackConfig.GUEST_USERNAME, stack.guestPassword());
        otherEventsMember.createEvent(
                "live-other-" + UUID.randomUUID().toString().substring(0, 8));
        JsonNode live = WebClientSession.JSON.readTree(
                client.get("/events/" + eventId + "/live").body());
        String channel = live.get("channel").asText();
        assertEquals(stack.liveEvents().realtimeUrl(), live.get("realtimeUrl").asText());

        try (LiveEventsClient gallery =
                        LiveEventsClient.connect(live.get("realtimeUrl").asText(), "Bearer " + client.accessToken());
                LiveEventsClient outsider = LiveEventsClient.connect(
                        live.get("realtimeUrl").asText(), "Bearer " + otherEventsMember.accessToken())) {
            assertEquals(
                    "subscribe_success",
                    gallery.subscribe("gallery", channel, null).path("type").asText());
            assertEquals(
                    "subscribe_error",
                    outsider.subscribe("gallery", channel, null).path("type").asText());
            assertThrows(
                    Exception.class,
                    () -> LiveEventsClient.connect(live.get("realtimeUrl").asText(), ""));
            // a guest of another event, and a wall that was revoked
            String otherEvent =
                    client.createEvent("live-b-" + UUID.randomUUID().toString().substring(0, 8));
            String link = WebClientSession.JSON
                    .readTree(client.post("/events/" + otherEvent + "/invites", "{\"signInRequired\":false}")
                            .body())
                    .get("code")
                    .asText();
            String guestToken = guestToken(link, "Ann");
            JsonNode wall = WebClientSession.JSON.readTree(
                    client.post("/events/" + eventId + "/walls", null).body());
            assertEquals(
                    204,
                    client.delete("/events/" + eventId + "/walls/"
                                    + wall.get("wallId").asText())
                            .statusCode());
            for (String refused : List.of(guestToken, wall.get("token").asText())) {
                assertEquals(
                        "subscribe_error",
                        outsider.subscribe("s-" + refused.hashCode(), channel, "Bearer " + refused)
                                .path("type")
                                .asText());
            }

            byte[] photo = TestImages.phoneJpeg(800, 600, 4);
            String title = "Mom's 60th (garden)! 생일 🎂";
            JsonNode upload = client.initiateUpload(eventId, title, "", "image/jpeg", (long) photo.length);
            String photoId = upload.get("photoId").asText();
            assertEquals(200, WebClientSession.putUpload(upload, photo).status());

            JsonNode visible = gallery.nextEvent(PROCESSING_DEADLINE);
            assertNotNull(visible, "no photo.visible within " + PROCESSING_DEADLINE);
            assertEquals("photo.visible", visible.path("type").asText());
            assertEquals(photoId, visible.path("photoId").asText());
            assertTrue(visible.path("photo").isMissingNode(), "the channel carries ids only: " + visible);
            // what the page does on the event: fetch the photo with its own token
            JsonNode shown = WebClientSession.JSON.readTree(
                    client.getPhoto(eventId, photoId).body());
            assertEquals(title, shown.path("title").asText());
            assertEquals(List.of(320, 640, 800), widths(shown.path("renditions")));

            assertEquals(
                    204,
                    client.delete("/events/" + eventId + "/photos/" + photoId).statusCode());
            JsonNode removed = gallery.nextEvent(Duration.ofSeconds(10));
            assertNotNull(removed, "no photo.removed");
            assertEquals("photo.removed", removed.path("type").asText());
            assertEquals(photoId, removed.path("photoId").asText());
            assertEquals(
                    204,
                    client.delete("/events/" + eventId + "/photos/" + photoId).statusCode());
            assertNull(gallery.nextEvent(Duration.ofSeconds(2)), "each change once, a repeated delete is none");
            assertNull(outsider.nextEvent(Duration.ZERO), "the refused subscriber heard nothing");
        }
    }

    @Test
    @Order(8)
    void liveChannel_shouldStopTellingARevokedWallGuestLinkAndRemovedMember_within30Seconds() throws Exception {
        String eventId =
                client.createEvent("revoke-" + UUID.randomUUID().toString().substring(0, 8));
        String realtimeUrl = stack.liveEvents().realtimeUrl();
        String channel = WebClientSession.JSON
                .readTree(client.get("/events/" + eventId + "/live").body())
                .get("channel")
                .asText();
        JsonNode wall = WebClientSession.JSON.readTree(
                client.post("/events/" + eventId + "/walls", "{}").body());
        String link = WebClientSession.JSON
                .readTree(client.post("/events/" + eventId + "/invites", "{\"signInRequired\":false}")
                        .body())
                .get("code")
                .asText();
        String guestToken = guestToken(link, "Ann");
        WebClientSession member =
                WebClientSession.signIn(stack, LocalStackConfig.GUEST_USERNAME, stack.guestPassword());
        String invite = WebClientSession.JSON
                .readTree(client.post("/events/" + eventId + "/invites", "{\"role\":\"VIEWER\"}")
                        .body())
                .get("code")
                .asText();
        assertEquals(200, member.post("/invites/" + invite + "/accept", null).statusCode());
        String memberId = memberIdOf(eventId);

        try (LiveEventsClient gallery = LiveEventsClient.connect(realtimeUrl, "Bearer " + client.accessToken());
                LiveEventsClient onTheWall = LiveEventsClient.connect(
                        realtimeUrl, "Bearer " + wall.get("token").asText());
                LiveEventsClient guestPhone = LiveEventsClient.connect(realtimeUrl, "Bearer " + guestToken);
                LiveEventsClient removedMember =
                        LiveEventsClient.connect(realtimeUrl, "Bearer " + member.accessToken())) {
            List<LiveEventsClient> revoked = List.of(onTheWall, guestPhone, removedMember);
            for (LiveEventsClient subscriber : List.of(gallery, onTheWall, guestPhone, removedMember)) {
                assertEquals(
                        "subscribe_success",
                        subscriber
                                .subscribe("gallery", channel, null)
                                .path("type")
                                .asText());
            }

            assertEquals(
                    204,
                    client.delete("/events/" + eventId + "/walls/"
                                    + wall.get("wallId").asText())
                            .statusCode());
            assertEquals(
                    204,
                    client.delete("/events/" + eventId + "/invites/" + link).statusCode());
            assertEquals(
                    204,
                    client.delete("/events/" + eventId + "/members/" + memberId).statusCode());
            for (LiveEventsClient subscriber : revoked) {
                JsonNode dropped = subscriber.nextControl(Duration.ofSeconds(30));
                assertNotNull(dropped, "an open subscription of a revoked token was not dropped within 30 s");
                assertEquals("subscribe_error", dropped.path("type").asText(), dropped.toString());
            }

            byte[] photo = TestImages.phoneJpeg(640, 480, 1);
            JsonNode upload = client.initiateUpload(eventId, "after revocation", "", "image/jpeg", (long) photo.length);
            assertEquals(200, WebClientSession.putUpload(upload, photo).status());
            JsonNode visible = gallery.nextEvent(PROCESSING_DEADLINE);
            assertNotNull(visible, "the owner's gallery hears the new photo");
            for (LiveEventsClient subscriber : revoked) {
                assertNull(subscriber.nextEvent(Duration.ofSeconds(1)), "a revoked subscriber heard the new photo");
            }
        }
    }

    /** A guest session's token on the guest link {@code code} (no Authorization, as a guest's phone). */
    private String guestToken(String code, String name) throws Exception {
        return guestSession(code, name).get("token").asText();
    }

    private JsonNode guestSession(String code, String name) throws Exception {
        HttpResponse<String> session = HTTP.send(
                HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/invites/" + code + "/guest-sessions"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(WebClientSession.JSON
                                .createObjectNode()
                                .put("name", name)
                                .toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, session.statusCode(), session.body());
        return WebClientSession.JSON.readTree(session.body());
    }

    /** The member's user id as the members list names it (the demo guest is the only member besides the owner). */
    private String memberIdOf(String eventId) throws Exception {
        for (JsonNode item : WebClientSession.JSON
                .readTree(client.get("/events/" + eventId + "/members").body())
                .path("items")) {
            if (!"OWNER".equals(item.path("role").asText())) {
                return item.path("userId").asText();
            }
        }
        throw new AssertionError("no member besides the owner");
    }

    @Test
    @Order(9)
    void liveGallery_shouldShowAPhotoUploadedInAnotherBrowser_andTakeItOutWhenDeleted_withoutAReload()
            throws Exception {
        Path photo = Files.write(
                RepositoryPaths.targetDir("e2e-live-photos").resolve("garden.jpg"), TestImages.jpeg(800, 600));
        String eventId =
                client.createEvent("e2e-live-" + UUID.randomUUID().toString().substring(0, 8));

        runBrowserTest("live.e2e.mjs", Map.of("EVENT_ID", eventId, "PHOTO_1", photo.toString()), Duration.ofMinutes(3));

        assertEquals(0, client.list(eventId).path("items").size(), "the photo the browser deleted is gone");
    }

    /** Runs one of the web client's browser tests against the stack, as the organiser; fails with its log. */
    private void runBrowserTest(String script, Map<String, String> env, Duration timeout) throws Exception {
        Path log = stack.logDir().resolve(script.replace(".mjs", ".log"));
        ProcessBuilder browserTest = new ProcessBuilder("node", "e2e/" + script)
                .directory(RepositoryPaths.find("web-client").toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        browserTest.environment().putAll(env);
        browserTest
                .environment()
                .putAll(Map.of(
                        "WEB_URL", stack.webUrl(),
                        "DEMO_USERNAME", LocalStackConfig.ORGANISER_USERNAME,
                        "DEMO_PASSWORD", stack.organiserPassword(),
                        "SCREENSHOT_DIR",
                                RepositoryPaths.targetDir("screenshots").toString()));
        Process process = browserTest.start();
        boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        assertTrue(
                finished && process.exitValue() == 0,
                "browser test " + script + " failed (log " + log + "):\n" + Files.readString(log));
    }

    @Test
    @Order(99)
    void close_shouldLeaveNothingListening_afterAFullStart() {
        List<Integer> ports = StackProbes.ports(stack);
        stack.close();
        stack = null;
        for (int port : ports) {
            assertFalse(Ports.inUse(port), "port " + port + " still listening after close");
        }
    }

    /** Per thread, the taken port before each free candidate: every server that picks a port meets it first. */
    private static final class TakenPortFirst implements IntSupplier {
        private final int taken;
        private final ThreadLocal<Boolean> offeredTakenLast = ThreadLocal.withInitial(() -> false);
        private final AtomicInteger takenOffers = new AtomicInteger();

        TakenPortFirst(int taken) {
            this.taken = taken;
        }

        @Override
        public int getAsInt() {
            boolean offerTaken = !offeredTakenLast.get();
            offeredTakenLast.set(offerTaken);
            if (offerTaken) {
                takenOffers.incrementAndGet();
                return taken;
            }
            return LoopbackPorts.candidate();
        }

        int takenOffers() {
            return takenOffers.get();
        }
    }

    private static HttpResponse<String> preflight(String url, String origin) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", origin)
                        .header("Access-Control-Request-Method", "PUT")
                        .header("Access-Control-Request-Headers", "content-type")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode awaitReady(String eventId, String photoId) throws Exception {
        JsonNode photo = awaitProcessed(eventId, photoId);
        if (!"READY".equals(photo.get("status").asText())) {
            fail("photo " + photoId + " was processed but is " + photo.get("status") + ": " + photo);
        }
        return photo;
    }

    /** Polls the photo until the processor has written its record, READY or REJECTED. */
    private static JsonNode awaitProcessed(String eventId, String photoId) throws Exception {
        Instant deadline = Instant.now().plus(PROCESSING_DEADLINE);
        HttpResponse<String> last = null;
        while (Instant.now().isBefore(deadline)) {
            last = client.getPhoto(eventId, photoId);
            if (last.statusCode() == 200) {
                return WebClientSession.JSON.readTree(last.body());
            }
            Thread.sleep(250);
        }
        return fail("photo " + photoId + " not processed within " + PROCESSING_DEADLINE.toSeconds() + " s; last answer "
                + (last == null ? "none" : last.statusCode() + " " + last.body()) + "; see the processor log in "
                + stack.logDir());
    }

    private static List<Integer> widths(JsonNode renditions) {
        List<Integer> widths = new java.util.ArrayList<>();
        renditions.forEach(r -> widths.add(r.get("width").asInt()));
        return widths;
    }

    private static JsonNode findListed(JsonNode page, String photoId) {
        for (JsonNode item : page.get("items")) {
            if (photoId.equals(item.get("photoId").asText())) {
                return item;
            }
        }
        return fail("photo " + photoId + " not in the event's listing: " + page);
    }
}
