package com.eventphotos.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.eventphotos.api.error.RequestBodyLimit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 10,000 seeded bad requests against every endpoint of the running API's OpenAPI document (see
 * {@link HostileRequests}): never a 5xx, every error a JSON
 * body naming its status, no error body above 2 KB. Reproduce a failure with {@code -Dfuzz.seed=<the seed shown>}.
 */
@QuarkusTest
@RealServers
class HostileInputFuzzTest {

    private static final int REQUESTS = 10_000;
    private static final int MAX_ERROR_BODY_BYTES = 2048;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    @Test
    void everyEndpoint_shouldAnswerAShortJsonClientError_whenTenThousandHostileRequestsArrive() throws Exception {
        long seed = Long.getLong("fuzz.seed", 20_261_122L);
        List<String> endpoints = documentedEndpoints();
        assertTrue(
                endpoints.containsAll(List.of(
                        "/events/{eventId}/photos/initiate-upload",
                        "/events/{eventId}/photos",
                        "/events/{eventId}/photos/{photoId}",
                        "/upload-policy")),
                endpoints.toString());
        HostileRequests requests = new HostileRequests(seed, endpoints);
        HttpClient http =
                // HTTP/1.1 as browsers and API Gateway speak it to the API (never cleartext HTTP/2 upgrades)
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS && failures.size() < 20; i++) {
            HostileRequests.Request request = requests.next();
            String problem = check(http, request);
            if (problem != null) {
                failures.add("#" + i + " " + request + ": " + problem);
            }
        }
        assertEquals(List.of(), failures, "seed " + seed + " (-Dfuzz.seed=" + seed + " to repeat)");
    }

    /** Every path of the OpenAPI document: an endpoint added later is fuzzed without touching this test. */
    private List<String> documentedEndpoints() throws IOException, InterruptedException {
        HttpResponse<byte[]> openApi = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(base.toString().replaceAll("/$", "") + "/q/openapi?format=json"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        List<String> paths = new ArrayList<>();
        JSON.readTree(openApi.body()).path("paths").fieldNames().forEachRemaining(paths::add);
        return paths;
    }

    /** What is wrong with the answer to {@code request}, or null. */
    private String check(HttpClient http, HostileRequests.Request request) throws InterruptedException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(toHttp(request), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IllegalArgumentException e) {
            return null; // a request the HTTP client itself refuses to send (e.g. a header it forbids)
        } catch (IOException e) {
            // Refused early (411/413), the server closes the connection while a long body is still being sent.
            boolean refusedWhileSending =
                    request.body() != null && (request.chunked() || request.body().length > RequestBodyLimit.MAX_BYTES);
            return refusedWhileSending ? null : "connection failed: " + e;
        }
        int status = response.statusCode();
        if (status >= 500) {
            return "status " + status + ": " + preview(response.body());
        }
        if (status < 400 || request.method().equals("HEAD")) {
            return null;
        }
        if (response.body().length > MAX_ERROR_BODY_BYTES) {
            return "error body of " + response.body().length + " bytes";
        }
        if (status == 405 && request.method().equals("OPTIONS")) {
            return null; // a preflight without an Origin is not CORS; Quarkus answers it before any resource
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/json")) {
            return "status " + status + " with Content-Type '" + type + "': " + preview(response.body());
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            if (body.path("status").asInt() != status
                    || body.path("message").asText().isEmpty()) {
                return "status " + status + " with body " + preview(response.body());
            }
        } catch (IOException e) {
            return "status " + status + " with a body that is not JSON: " + preview(response.body());
        }
        return null;
    }

    private HttpRequest toHttp(HostileRequests.Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                        URI.create(base.toString().replaceAll("/$", "") + request.path()))
                .timeout(Duration.ofSeconds(10))
                .method(
                        request.method(),
                        request.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : request.chunked()
                                        // no length known up front: sent chunked, without Content-Length
                                        ? HttpRequest.BodyPublishers.ofInputStream(
                                                () -> new ByteArrayInputStream(request.body()))
                                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(header -> builder.header(header.name(), header.value()));
        return builder.build();
    }

    private static String preview(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
