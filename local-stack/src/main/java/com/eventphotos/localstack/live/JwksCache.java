package com.eventphotos.localstack.live;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One issuer's public keys (a JSON Web Key Set), fetched when first needed and kept. A token naming a key the set
 * does not hold fetches it again (a restarted API signs with a new key), at most every {@link #MIN_REFETCH}, so
 * tokens with made-up key ids cannot make the event server hammer the issuer.
 */
final class JwksCache {

    static final Duration MIN_REFETCH = Duration.ofSeconds(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Key(String keyId, PublicKey key) {}

    private final String url;
    private final HttpClient http;
    private final Clock clock;

    // guarded by this
    private List<Key> keys = List.of();
    private Instant lastFetch;
    private CompletableFuture<List<Key>> fetching;

    JwksCache(String url, HttpClient http, Clock clock) {
        this.url = url;
        this.http = http;
        this.clock = clock;
    }

    /**
     * The keys a token naming {@code keyId} may be signed with: the one with that id, or every key when the token
     * names none. Empty when the set has no such key, or cannot be fetched.
     */
    CompletableFuture<List<PublicKey>> keysFor(String keyId) {
        CompletableFuture<List<Key>> source;
        synchronized (this) {
            List<PublicKey> known = select(keys, keyId);
            if (!known.isEmpty()) {
                return CompletableFuture.completedFuture(known);
            }
            if (fetching != null) {
                source = fetching; // one fetch at a time: whoever asks meanwhile waits for it
            } else {
                Instant now = clock.instant();
                if (lastFetch != null && now.isBefore(lastFetch.plus(MIN_REFETCH))) {
                    return CompletableFuture.completedFuture(List.of());
                }
                lastFetch = now;
                CompletableFuture<List<Key>> started = fetch();
                fetching = started;
                started.whenComplete((fetched, failed) -> fetched(started, fetched));
                source = started;
            }
        }
        return source.handle((fetched, failed) -> fetched == null ? List.of() : select(fetched, keyId));
    }

    private synchronized void fetched(CompletableFuture<List<Key>> fetch, List<Key> fetched) {
        if (fetched != null) {
            keys = fetched;
        }
        if (fetching == fetch) {
            fetching = null;
        }
    }

    private CompletableFuture<List<Key>> fetch() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(TIMEOUT)
                    .GET()
                    .build();
            return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                    .thenApply(response -> {
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("JWKS " + url + " answered " + response.statusCode());
                        }
                        return parse(response.body());
                    });
        } catch (IllegalArgumentException unusableUrl) {
            return CompletableFuture.failedFuture(unusableUrl);
        }
    }

    private static List<PublicKey> select(List<Key> keys, String keyId) {
        return keys.stream()
                .filter(k -> keyId == null || keyId.equals(k.keyId()))
                .map(Key::key)
                .toList();
    }

    /** The RSA signing keys of a JWKS; others (Keycloak also lists an encryption key) are left out. */
    private static List<Key> parse(byte[] body) {
        try {
            List<Key> keys = new ArrayList<>();
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            for (JsonNode jwk : JSON.readTree(body).path("keys")) {
                boolean signing =
                        !jwk.hasNonNull("use") || "sig".equals(jwk.get("use").asText());
                if (!"RSA".equals(jwk.path("kty").asText()) || !signing) {
                    continue;
                }
                BigInteger modulus = unsigned(jwk.path("n").asText());
                BigInteger exponent = unsigned(jwk.path("e").asText());
                keys.add(new Key(
                        jwk.hasNonNull("kid") ? jwk.get("kid").asText() : null,
                        rsa.generatePublic(new RSAPublicKeySpec(modulus, exponent))));
            }
            return keys;
        } catch (Exception e) {
            throw new IllegalStateException("unreadable JWKS: " + e.getMessage(), e);
        }
    }

    private static BigInteger unsigned(String base64url) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(Objects.requireNonNull(base64url)));
    }
}
