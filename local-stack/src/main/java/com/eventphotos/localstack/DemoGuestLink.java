package com.eventphotos.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo event and a guest link to it, made through the API as the organiser once the stack is up: what
 * {@code ./run-local.sh} prints, so a phone on the same machine's browser can add photos at once.
 */
public final class DemoGuestLink {

    public static final String EVENT_ID = "demo-event";
    public static final String EVENT_NAME = "데모 이벤트";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private DemoGuestLink() {}

    /** Creates the demo event (owned by the organiser) and a guest link to it; returns the link. */
    public static String create(LocalStack stack) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        try {
            String token = organiserToken(http, stack);
            send(http, stack, token, "/events", "{\"eventId\":\"%s\",\"name\":\"%s\"}".formatted(EVENT_ID, EVENT_NAME));
            JsonNode invite =
                    send(http, stack, token, "/events/" + EVENT_ID + "/invites", "{\"signInRequired\":false}");
            return invite.path("link").asText();
        } catch (IOException e) {
            throw new LocalStackException("could not create the demo guest link: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("interrupted while creating the demo guest link", e);
        }
    }

    /** The organiser's access token (password grant on the CLI client), as the banner's curl lines get one. */
    public static String organiserToken(HttpClient http, LocalStack stack) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=" + LocalStackConfig.CLI_CLIENT_ID + "&username="
                + LocalStackConfig.ORGANISER_USERNAME + "&password="
                + URLEncoder.encode(stack.organiserPassword(), StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(stack.tokenEndpoint()))
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return answered(response, "the token endpoint").path("access_token").asText();
    }

    private static JsonNode send(HttpClient http, LocalStack stack, String token, String path, String body)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(stack.apiUrl() + path))
                        .timeout(TIMEOUT)
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return answered(response, "POST " + path);
    }

    private static JsonNode answered(HttpResponse<String> response, String what) throws IOException {
        if (response.statusCode() / 100 != 2) {
            throw new LocalStackException(what + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
