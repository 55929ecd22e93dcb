package com.eventphotos.api;

import java.time.Instant;

import io.smallrye.jwt.build.Jwt;

/** Bearer tokens signed by the mock OIDC provider's key (quarkus-test-oidc-server), as the API sees in production. */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "https://service.example.com";

    private Tokens() {}

    public static String forSubject(String subject) {
        return Jwt.subject(subject)
                .preferredUserName("alice")
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .sign();
    }

    public static String expired(String subject) {
        return Jwt.subject(subject)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .issuedAt(Instant.now().minusSeconds(3600))
                .expiresAt(Instant.now().minusSeconds(1800))
                .sign();
    }

    public static String fromIssuer(String issuer) {
        return Jwt.subject("mallory").issuer(issuer).audience(AUDIENCE).sign();
    }

    public static String forAudience(String audience) {
        return Jwt.subject("mallory").issuer(ISSUER).audience(audience).sign();
    }
}
