package com.eventphotos.api.auth;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;

import jakarta.json.JsonString;

/** Reads one string claim of a verified token. */
public final class Claims {

    private Claims() {}

    /** The claim's text, or null when the token has no such string claim. */
    public static String string(JsonWebToken token, String name) {
        // Read Quarkus OIDC's parsed claims directly: JsonWebToken.getClaim looks a non-standard name up in an
        // enum and throws (and catches) an exception each time, which cost a quarter of initiate-upload's
        // throughput (docs/performance.md).
        Object value = token instanceof OidcJwtCallerPrincipal oidc
                ? oidc.getClaims().getClaimValue(name)
                : token.getClaim(name);
        if (value instanceof JsonString string) {
            return string.getString();
        }
        return value instanceof String string ? string : null;
    }

    /** The claim as a boolean: true only for a JSON {@code true}. */
    public static boolean bool(JsonWebToken token, String name) {
        Object value = token instanceof OidcJwtCallerPrincipal oidc
                ? oidc.getClaims().getClaimValue(name)
                : token.getClaim(name);
        return Boolean.TRUE.equals(value) || value == jakarta.json.JsonValue.TRUE;
    }
}
