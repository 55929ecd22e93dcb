package com.eventphotos.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The limits on starting guest sessions are keyed on what a caller cannot forge. Each test speaks from its own
 * loopback address (a socket bound to 127.0.0.x), as different machines would, so the tests' budgets stay apart.
 */
@QuarkusTest
@RealServers
@TestProfile(GuestSessionLimitsTest.SmallLimits.class)
class GuestSessionLimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "event-photos.guests.session-burst-per-address", "6",
                    "event-photos.guests.sessions-per-minute-per-address", "1",
                    "event-photos.guests.unknown-code-burst-per-address", "3",
                    "event-photos.guests.unknown-codes-per-minute-per-address", "1",
                    "event-photos.guests.session-burst-per-link", "3",
                    "event-photos.guests.sessions-per-minute-per-link", "1");
        }
    }

    @TestHTTPResource("/")
    URL api;

    @Test
    void forwardedForHeadersWrittenByTheCaller_doNotMakeNewSources() throws IOException {
        String owner = "limits-owner-1";
        String eventId = TestEvents.created(owner, "xff");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String link = Guests.link(owner, eventId, true, false); // a link each: only the source limit applies
            statuses.add(startFrom("127.0.0.2", link, Map.of("X-Forwarded-For", "203.0.113." + (i + 1))));
        }
        assertEquals(6, statuses.stream().filter(s -> s == 201).count(), "one source's burst: " + statuses);
        assertEquals(4, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
    }

    @Test
    void aLinkTakesItsBurstThenWaits_whileOtherLinksGoOn() throws IOException {
        String owner = "limits-owner-2";
        String eventId = TestEvents.created(owner, "perlink");
        String link = Guests.link(owner, eventId, true, false);
        for (int i = 0; i < 3; i++) {
            assertEquals(201, startFrom("127.0.0.3", link, Map.of()));
        }
        assertEquals(429, startFrom("127.0.0.4", link, Map.of()), "another source, the same link");
        assertEquals(201, startFrom("127.0.0.3", Guests.link(owner, eventId, true, false), Map.of()));
    }

    @Test
    void junkCodesCostTheirSender_notEveryone() throws IOException {
        String owner = "limits-owner-3";
        String eventId = TestEvents.created(owner, "junk");
        String link = Guests.link(owner, eventId, true, false);
        String junk = eventId + "~" + "A".repeat(22);
        for (int i = 0; i < 3; i++) {
            assertEquals(404, startFrom("127.0.0.5", junk, Map.of()));
        }
        assertEquals(429, startFrom("127.0.0.5", link, Map.of()), "the sender of junk waits, even with a real code");
        assertEquals(201, startFrom("127.0.0.6", link, Map.of()), "others are not affected");
    }

    /** POST …/guest-sessions over a socket bound to {@code from}; the status code. */
    private int startFrom(String from, String code, Map<String, String> headers) throws IOException {
        int port = api.getPort();
        byte[] body = "{\"name\":\"Guest\"}".getBytes(StandardCharsets.UTF_8);
        String path = URI.create("http://x/invites/" + code + "/guest-sessions").getRawPath();
        StringBuilder request = new StringBuilder("POST " + path + " HTTP/1.1\r\n")
                .append("Host: localhost:")
                .append(port)
                .append("\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: ")
                .append(body.length)
                .append("\r\n");
        headers.forEach(
                (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("\r\n");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, InetAddress.getByName(from), 0)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertTrue(statusLine.startsWith("HTTP/1.1 "), statusLine);
            in.readAllBytes();
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }
}
