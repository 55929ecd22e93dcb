package com.eventphotos.localstack.live;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A compact JWS as both issuers sign them (Keycloak's realm and the API's guest tokens: RS256), read but not yet
 * trusted: {@link #verifiesWith} checks the signature. Only RSA algorithms are taken; {@code none} and HMAC never.
 */
record Jwt(
        String algorithm,
        String keyId,
        String issuer,
        Instant expiresAt,
        Instant notBefore,
        byte[] signedPart,
        byte[] signature) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();
    private static final Map<String, String> RSA_ALGORITHMS =
            Map.of("RS256", "SHA256withRSA", "RS384", "SHA384withRSA", "RS512", "SHA512withRSA");

    /** @throws IllegalArgumentException when {@code token} is not a readable JWS with {@code iss} and {@code exp} */
    static Jwt parse(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[2].isEmpty()) {
            throw new IllegalArgumentException("not a JWT");
        }
        JsonNode header = json(parts[0]);
        JsonNode claims = json(parts[1]);
        if (!claims.path("iss").isTextual()) {
            throw new IllegalArgumentException("the token names no issuer");
        }
        if (!claims.path("exp").isNumber()) {
            throw new IllegalArgumentException("the token has no expiry");
        }
        return new Jwt(
                header.path("alg").asText(""),
                header.path("kid").isTextual() ? header.get("kid").asText() : null,
                claims.get("iss").asText(),
                Instant.ofEpochSecond(claims.get("exp").asLong()),
                claims.path("nbf").isNumber()
                        ? Instant.ofEpochSecond(claims.get("nbf").asLong())
                        : null,
                (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII),
                decode(parts[2]));
    }

    /** The JCA name of the signature algorithm, empty for anything but RS256/384/512. */
    Optional<String> javaAlgorithm() {
        return Optional.ofNullable(RSA_ALGORITHMS.get(algorithm));
    }

    boolean verifiesWith(PublicKey key) {
        Optional<String> javaAlgorithm = javaAlgorithm();
        if (javaAlgorithm.isEmpty()) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(javaAlgorithm.get());
            verifier.initVerify(key);
            verifier.update(signedPart);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException wrongKeyOrSignature) {
            return false;
        }
    }

    private static JsonNode json(String part) {
        try {
            JsonNode node = JSON.readTree(decode(part));
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("not a JWT");
            }
            return node;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a JWT", e);
        }
    }

    private static byte[] decode(String part) {
        try {
            return BASE64URL.decode(part);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a JWT", e);
        }
    }
}
