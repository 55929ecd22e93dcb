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
 * revoked or expired tokens do not. Asked when subscribing and again while the subscription is open
 * ({@link SubscriptionRecheck}), which is why a refusal and a failure to ask are told apart.
 */
final class SubscriptionCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    enum Outcome {
        /** 200 */
        ALLOWED,
        /** 401, 403 or 404, or nothing the API could be asked with: the token may not hear this event */
        REFUSED,
        /** the API failed (5xx, 429, timeout, not running): nothing is known */
        UNKNOWN
    }

    record Answer(Outcome outcome, String reason) {

        static final Answer ALLOW = new Answer(Outcome.ALLOWED, null);

        boolean allowed() {
            return outcome == Outcome.ALLOWED;
        }

        boolean refused() {
            return outcome == Outcome.REFUSED;
        }
    }

    private final Supplier<String> apiUrl;
    private final HttpClient http;

    SubscriptionCheck(Supplier<String> apiUrl, HttpClient http) {
        this.apiUrl = apiUrl;
        this.http = http;
    }

    /** Never completes exceptionally. */
    CompletableFuture<Answer> ask(String channel, String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return refused("no authorization token");
        }
        Optional<String> eventId = LiveChannels.eventIdOf(channel);
        if (eventId.isEmpty()) {
            return refused("not an event's gallery channel: " + channel);
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(apiUrl.get() + "/events/" + eventId.get() + "/live"))
                    .timeout(TIMEOUT)
                    .header("Authorization", authorization)
                    .GET()
                    .build();
        } catch (IllegalArgumentException notAHeaderValue) {
            return refused("unusable authorization token");
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> answer(response.statusCode()))
                .exceptionally(failure -> new Answer(Outcome.UNKNOWN, "the API could not be asked: " + failure));
    }

    private static Answer answer(int status) {
        return switch (status) {
            case 200 -> Answer.ALLOW;
            case 401, 403, 404 ->
                new Answer(Outcome.REFUSED, "the API refused the token for this event (" + status + ")");
            default -> new Answer(Outcome.UNKNOWN, "the API answered " + status);
        };
    }

    private static CompletableFuture<Answer> refused(String why) {
        return CompletableFuture.completedFuture(new Answer(Outcome.REFUSED, why));
    }
}
