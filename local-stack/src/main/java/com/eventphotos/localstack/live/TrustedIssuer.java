package com.eventphotos.localstack.live;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * An issuer whose tokens may connect: its {@code iss} and where its public keys are published (a JWKS). Both are
 * read when a token is checked, as the stack starts Keycloak and the API after the event server.
 *
 * @param issuer the exact {@code iss}; null while the issuer is not up yet (then none of its tokens pass)
 * @param jwksUrl where its JSON Web Key Set is served
 */
public record TrustedIssuer(Supplier<String> issuer, Supplier<String> jwksUrl) {

    /** Where the upload API serves its guest tokens' key ({@code GuestKeysResource}). */
    public static final String GUEST_JWKS_PATH = "/.well-known/jwks.json";

    public TrustedIssuer {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(jwksUrl, "jwksUrl");
    }

    /** A Keycloak realm (members): its keys at {@code {issuer}/protocol/openid-connect/certs}. */
    public static TrustedIssuer keycloakRealm(Supplier<String> realmIssuer) {
        return new TrustedIssuer(realmIssuer, () -> {
            String issuer = realmIssuer.get();
            return issuer == null ? null : issuer + "/protocol/openid-connect/certs";
        });
    }

    /** The upload API's guest tokens (guests and walls): {@code iss} {@code issuer}, keys at the API's JWKS. */
    public static TrustedIssuer guestTokens(String issuer, Supplier<String> apiUrl) {
        return new TrustedIssuer(() -> issuer, () -> apiUrl.get() + GUEST_JWKS_PATH);
    }

    /** A fixed issuer and JWKS address (tests). */
    public static TrustedIssuer of(String issuer, String jwksUrl) {
        return new TrustedIssuer(() -> issuer, () -> jwksUrl);
    }
}
