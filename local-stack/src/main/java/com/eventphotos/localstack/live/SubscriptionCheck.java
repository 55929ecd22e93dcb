package com.eventphotos.localstack.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import com.eventphotos.contract.live.LiveChannels;

/**
 * Who may subscribe to a channel: whoever the API lets read the event's live channel ({@code GET
 * /events/{eventId}/live} with the subscriber's token answers 200), the same question the deployed Event API's
 * Lambda authorizer asks. So members, guests allowed to view and wall tokens pass; strangers, upload-only guests,
 * revoked or expired tokens do not.
 */
final class SubscriptionCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Supplier<String> apiUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    SubscriptionCheck(Supplier<String> apiUrl) {
        this.apiUrl = apiUrl;
    }

    /** Completes with why the subscription is refused, or empty when it is allowed. */
    CompletableFuture<Optional<String>> refusal(String channel, String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return CompletableFuture.completedFuture(Optional.of("no authorization token"));
        }
        Optional<String> eventId = LiveChannels.eventIdOf(channel);
        if (eventId.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.of("not an event's gallery channel: " + channel));
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(apiUrl.get() + "/events/" + eventId.get() + "/live"))
                    .timeout(TIMEOUT)
                    .header("Authorization", authorization)
                    .GET()
                    .build();
        } catch (IllegalArgumentException notAHeaderValue) {
            return CompletableFuture.completedFuture(Optional.of("unusable authorization token"));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> response.statusCode() == 200
                        ? Optional.<String>empty()
                        : Optional.of("the API refused the token for this event (" + response.statusCode() + ")"))
                .exceptionally(failure -> Optional.of("the API could not be asked: " + failure.getMessage()));
    }
}
