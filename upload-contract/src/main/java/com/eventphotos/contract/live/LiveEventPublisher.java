package com.eventphotos.contract.live;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Publishes events to a channel through the AppSync Events HTTP endpoint ({@code POST /event}), signed with
 * SigV4 for the {@code appsync} service as the function's role: the only way anything is published. The local
 * stack's event server takes the same request and checks the same signature.
 */
public final class LiveEventPublisher {

    /** AppSync Events' limits for one publish request. */
    public static final int MAX_EVENTS_PER_REQUEST = 5;

    public static final int MAX_EVENT_BYTES = 240 * 1024;

    public static final String SIGNING_NAME = "appsync";

    private static final Set<String> RESTRICTED_HEADERS = Set.of("host", "content-length", "connection");

    private final URI publishUri;
    private final String region;
    private final AwsCredentialsProvider credentials;
    private final Duration timeout;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final Clock clock;

    /** @param httpEndpoint the Event API's HTTP endpoint, e.g. {@code https://abc.appsync-api.eu-west-1.amazonaws.com} */
    public LiveEventPublisher(URI httpEndpoint, String region, AwsCredentialsProvider credentials, Duration timeout) {
        this(httpEndpoint, region, credentials, timeout, Clock.systemUTC());
    }

    LiveEventPublisher(
            URI httpEndpoint, String region, AwsCredentialsProvider credentials, Duration timeout, Clock clock) {
        this.publishUri = httpEndpoint.resolve("/event");
        this.region = region;
        this.credentials = credentials;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * Publishes up to {@value #MAX_EVENTS_PER_REQUEST} events (each a JSON document) to {@code channel}.
     *
     * @throws LivePublishException when the endpoint does not take every event within the timeout
     */
    public void publish(String channel, List<String> events) {
        if (events.isEmpty() || events.size() > MAX_EVENTS_PER_REQUEST) {
            throw new IllegalArgumentException("1 to " + MAX_EVENTS_PER_REQUEST + " events per publish");
        }
        ObjectNode body = json.createObjectNode().put("channel", channel);
        events.forEach(body.putArray("events")::add);
        byte[] payload = body.toString().getBytes(StandardCharsets.UTF_8);
        SignedRequest signed = signer.sign(request -> request.identity(credentials.resolveCredentials())
                .request(SdkHttpRequest.builder()
                        .method(SdkHttpMethod.POST)
                        .uri(publishUri)
                        .putHeader("Content-Type", "application/json")
                        .build())
                .payload(ContentStreamProvider.fromByteArrayUnsafe(payload))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SIGNING_NAME)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock));
        HttpRequest.Builder post = HttpRequest.newBuilder(publishUri)
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload));
        signed.request().headers().forEach((name, values) -> {
            // java.net.http sets these itself (restricted headers), to the values that were signed
            if (!RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> post.header(name, value));
            }
        });
        HttpResponse<String> response;
        try {
            response = http.send(post.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LivePublishException("publish to " + channel + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LivePublishException("interrupted while publishing to " + channel, e);
        }
        if (response.statusCode() != 200) {
            throw new LivePublishException(
                    "publish to " + channel + " refused: " + response.statusCode() + " " + response.body());
        }
        requireNoneFailed(response.body(), channel);
    }

    private void requireNoneFailed(String responseBody, String channel) {
        try {
            JsonNode failed = json.readTree(responseBody).path("failed");
            if (failed.isArray() && !failed.isEmpty()) {
                throw new LivePublishException(
                        "publish to " + channel + ": " + failed.size() + " events failed: " + failed);
            }
        } catch (IOException e) {
            throw new LivePublishException("publish to " + channel + ": unreadable answer " + responseBody, e);
        }
    }
}
