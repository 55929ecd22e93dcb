package com.eventphotos.api;

import java.time.Instant;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Tokens signed by the mock OIDC provider's key (quarkus-test-oidc-server), shaped as Cognito and Keycloak issue
 * them. The API accepts the tokens of client {@link #CLIENT_ID} only (see {@code %test} in application.properties).
 */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String CLIENT_ID = "event-photos-test-web";
    public static final String OTHER_CLIENT_ID = "another-app-of-the-same-pool";

    private Tokens() {}

    /** A Cognito access token of this app's client. */
    public static String forSubject(String subject) {
        return cognitoAccess(subject, CLIENT_ID).sign();
    }

    public static String expired(String subject) {
        return cognitoAccess(subject, CLIENT_ID)
                .issuedAt(Instant.now().minusSeconds(3600))
                .expiresAt(Instant.now().minusSeconds(1800))
                .sign();
    }

    public static String fromIssuer(String issuer) {
        return cognitoAccess("mallory", CLIENT_ID).issuer(issuer).sign();
    }

    /** A Cognito access token of another app client of the same user pool. */
    public static String ofOtherClient() {
        return cognitoAccess("mallory", OTHER_CLIENT_ID).sign();
    }

    /** A Cognito ID token: the client is its audience. */
    public static String cognitoIdToken(String subject, String clientId) {
        return Jwt.subject(subject)
                .issuer(ISSUER)
                .audience(clientId)
                .claim("token_use", "id")
                .claim("email", subject + "@example.com")
                .sign();
    }

    /** A signed token of the right issuer that says neither what it is nor for whom (no token_use, no typ). */
    public static String untyped(String audience) {
        return Jwt.subject("mallory").issuer(ISSUER).audience(audience).sign();
    }

    private static JwtClaimsBuilder cognitoAccess(String subject, String clientId) {
        return Jwt.subject(subject)
                .issuer(ISSUER)
                .claim("token_use", "access")
                .claim("client_id", clientId)
                .claim("username", subject);
    }
}
