package com.eventphotos.localstack.live;

import java.net.http.HttpClient;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether an Authorization value may connect (or subscribe): a JWT of one of the trusted issuers ({@code iss} is
 * theirs and the signature verifies against their published keys) that has not expired, {@code clockSkew} allowed.
 * AppSync checks as much of a Cognito/OIDC token at connect; who may hear which event stays the API's decision
 * ({@link SubscriptionCheck}).
 */
final class TokenVerifier {

    /** A token that passed: when it stops being valid (the connection closes then). */
    record Verified(String issuer, Instant expiresAt) {}

    /** The answer: {@code verified}, or why not. */
    record Result(Verified verified, String refusal) {

        static Result refused(String why) {
            return new Result(null, why);
        }

        boolean passed() {
            return verified != null;
        }
    }

    private final List<TrustedIssuer> issuers;
    private final Duration clockSkew;
    private final Clock clock;
    private final HttpClient http;
    private final Map<String, JwksCache> keySets = new ConcurrentHashMap<>();

    TokenVerifier(List<TrustedIssuer> issuers, Duration clockSkew, Clock clock, HttpClient http) {
        this.issuers = List.copyOf(issuers);
        this.clockSkew = clockSkew;
        this.clock = clock;
        this.http = http;
    }

    /** Never completes exceptionally: a failure to fetch keys refuses the token. */
    CompletableFuture<Result> verify(String authorization) {
        Jwt jwt;
        try {
            jwt = Jwt.parse(withoutScheme(authorization));
        } catch (IllegalArgumentException e) {
            return done(Result.refused(e.getMessage()));
        }
        if (jwt.javaAlgorithm().isEmpty()) {
            return done(Result.refused("token algorithm " + jwt.algorithm() + " is not accepted"));
        }
        Optional<TrustedIssuer> issuer = issuers.stream()
                .filter(i -> jwt.issuer().equals(i.issuer().get()))
                .findFirst();
        if (issuer.isEmpty()) {
            return done(Result.refused("the token's issuer is not trusted: " + jwt.issuer()));
        }
        Instant now = clock.instant();
        if (!now.isBefore(jwt.expiresAt().plus(clockSkew))) {
            return done(Result.refused("the token expired at " + jwt.expiresAt()));
        }
        if (jwt.notBefore() != null && now.plus(clockSkew).isBefore(jwt.notBefore())) {
            return done(Result.refused("the token is not valid before " + jwt.notBefore()));
        }
        String jwksUrl = issuer.get().jwksUrl().get();
        if (jwksUrl == null) {
            return done(Result.refused("the issuer " + jwt.issuer() + " is not up"));
        }
        return keySets.computeIfAbsent(jwksUrl, url -> new JwksCache(url, http, clock))
                .keysFor(jwt.keyId())
                .thenApply(keys -> signedByOneOf(jwt, keys))
                .exceptionally(failure -> Result.refused("the token could not be checked: " + failure.getMessage()));
    }

    private Result signedByOneOf(Jwt jwt, List<PublicKey> keys) {
        if (keys.isEmpty()) {
            return Result.refused("the issuer publishes no key " + jwt.keyId());
        }
        return keys.stream().anyMatch(jwt::verifiesWith)
                ? new Result(new Verified(jwt.issuer(), jwt.expiresAt()), null)
                : Result.refused("the token's signature does not verify");
    }

    /** {@code Bearer x} or {@code x}: browsers send the former, AppSync takes both. */
    private static String withoutScheme(String authorization) {
        if (authorization == null) {
            return "";
        }
        String value = authorization.trim();
        return value.toLowerCase(Locale.ROOT).startsWith("bearer ")
                ? value.substring("bearer ".length()).trim()
                : value;
    }

    private static CompletableFuture<Result> done(Result result) {
        return CompletableFuture.completedFuture(result);
    }
}
