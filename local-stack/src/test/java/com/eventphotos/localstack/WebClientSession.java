package com.eventphotos.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.eventphotos.emulators.BrowserStylePut;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the web client does over HTTP: sign in at the OIDC provider, then call the API with the bearer token. */
final class WebClientSession {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String apiUrl;
    private final String accessToken;
    private final String idToken;

    private WebClientSession(String apiUrl, String accessToken, String idToken) {
        this.apiUrl = apiUrl;
        this.accessToken = accessToken;
        this.idToken = idToken;
    }

    /** Password grant on the local CLI client: the browser uses Authorization Code + PKCE for the same user. */
    static WebClientSession signIn(LocalStack stack, String username, String password) {
        String form = Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        LocalStackConfig.CLI_CLIENT_ID,
                        "username",
                        username,
                        "password",
                        password,
                        "scope",
                        "openid")
                .entrySet()
                .stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(stack.tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
        if (response.statusCode() != 200) {
            throw new AssertionError("sign-in failed: " + response.statusCode() + " " + response.body());
        }
        JsonNode tokens = read(response.body());
        return new WebClientSession(
                stack.apiUrl(),
                tokens.get("access_token").asText(),
                tokens.get("id_token").asText());
    }

    /** Creates an event owned by this user (uploads need a membership) and returns its id. */
    String createEvent(String eventId) {
        ObjectNode body =
                JSON.createObjectNode().put("name", "End-to-end " + eventId).put("eventId", eventId);
        HttpResponse<String> response = send(authorized("/events")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
        if (response.statusCode() != 201) {
            throw new AssertionError("POST /events answered " + response.statusCode() + ": " + response.body());
        }
        return eventId;
    }

    JsonNode initiateUpload(String eventId, String title, String description, String contentType, Long contentLength) {
        ObjectNode body = JSON.createObjectNode()
                .put("title", title)
                .put("description", description)
                .put("contentType", contentType);
        if (contentLength != null) {
            body.put("contentLength", contentLength);
        }
        HttpResponse<String> response = send(authorized("/events/" + eventId + "/photos/initiate-upload")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
        if (response.statusCode() != 201) {
            throw new AssertionError("initiate-upload answered " + response.statusCode() + ": " + response.body());
        }
        return read(response.body());
    }

    String accessToken() {
        return accessToken;
    }

    String idToken() {
        return idToken;
    }

    JsonNode list(String eventId) {
        HttpResponse<String> response =
                send(authorized("/events/" + eventId + "/photos").GET().build());
        if (response.statusCode() != 200) {
            throw new AssertionError("list answered " + response.statusCode() + ": " + response.body());
        }
        return read(response.body());
    }

    HttpResponse<String> getPhoto(String eventId, String photoId) {
        return send(
                authorized("/events/" + eventId + "/photos/" + photoId).GET().build());
    }

    HttpResponse<String> get(String path) {
        return send(authorized(path).GET().build());
    }

    /** POSTs JSON (or no body when {@code json} is null). */
    HttpResponse<String> post(String path, String json) {
        return send(authorized(path)
                .header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    HttpResponse<String> delete(String path) {
        return send(authorized(path).DELETE().build());
    }

    static Map<String, String> headersOf(JsonNode upload) {
        Map<String, String> headers = new LinkedHashMap<>();
        upload.get("headers")
                .fields()
                .forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        return headers;
    }

    /** PUTs {@code body} to an initiated upload's URL with its signed headers, as the browser does. */
    static BrowserStylePut.Result putUpload(JsonNode upload, byte[] body) {
        return BrowserStylePut.put(upload.get("s3PutObjectUrl").asText(), headersOf(upload), body);
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(apiUrl + path)).header("Authorization", "Bearer " + accessToken);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
