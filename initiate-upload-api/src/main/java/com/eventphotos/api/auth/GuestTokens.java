package com.eventphotos.api.auth;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.eventphotos.api.UploadApiConfig;
import com.eventphotos.api.domain.GuestSession;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Guest tokens: JWTs this API signs (RS256, {@link GuestTokenKey}) for one guest of one event, published as a JWKS so
 * any verifier (the API itself, API Gateway's authorizer) can check them. Claims: {@code iss} (the configured guest
 * issuer), {@code aud} {@value #AUDIENCE}, {@code sub} {@code guest:{guestId}}, {@code exp} (never after the link's
 * own expiry), {@code event_id}, {@code name}, {@code view} and {@code review}; a wall's also {@code wall}.
 */
@ApplicationScoped
public class GuestTokens {

    public static final String AUDIENCE = "event-photos-guest";
    public static final String EVENT_ID = "event_id";
    public static final String NAME = "name";
    public static final String VIEW = "view";
    public static final String REVIEW = "review";
    public static final String WALL = "wall";

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GuestTokenKey key;
    private final String issuer;

    GuestTokens(GuestTokenKey key, UploadApiConfig config) {
        this.key = key;
        this.issuer = config.guests().issuer();
    }

    public String issuer() {
        return issuer;
    }

    public String issue(GuestSession session, Instant issuedAt, Instant expiresAt) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put("kid", key.keyId());
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", AUDIENCE);
        claims.put("sub", session.subject());
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put(EVENT_ID, session.eventId());
        claims.put(NAME, session.name());
        claims.put(VIEW, session.allowView());
        claims.put(REVIEW, session.reviewRequired());
        if (session.wall()) {
            claims.put(WALL, true);
        }
        String signingInput = base64url(json(header)) + "." + base64url(json(claims));
        return signingInput + "."
                + BASE64URL.encodeToString(key.sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The public key as a JSON Web Key Set ({@code GET /.well-known/jwks.json}). */
    public Map<String, Object> jwks() {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("kid", key.keyId());
        jwk.put("n", unsigned(key.publicKey().getModulus()));
        jwk.put("e", unsigned(key.publicKey().getPublicExponent()));
        return Map.of("keys", List.of(jwk));
    }

    /** The public key as Quarkus OIDC takes it for local verification: base64 of the X.509 encoding. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(key.publicKey().getEncoded());
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        byte[] magnitude = new byte[bytes.length - skip];
        System.arraycopy(bytes, skip, magnitude, 0, magnitude.length);
        return BASE64URL.encodeToString(magnitude);
    }

    private static String base64url(byte[] bytes) {
        return BASE64URL.encodeToString(bytes);
    }

    private static byte[] json(Map<String, Object> value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
