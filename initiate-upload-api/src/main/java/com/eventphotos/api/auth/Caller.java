package com.eventphotos.api.auth;

import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.eventphotos.api.UploadApiConfig;
import com.eventphotos.api.domain.GuestSession;

import io.quarkus.security.identity.SecurityIdentity;

import jakarta.enterprise.context.RequestScoped;

/** The signed-in user (or guest) of the current request, as the events table and photo records name them. */
@RequestScoped
public class Caller {

    /**
     * Claims that may hold a name to show other members, in order of preference: Keycloak and Cognito ID tokens
     * (name, preferred_username, cognito:username), Cognito access tokens (username), any (email).
     */
    private static final String[] NAME_CLAIMS = {"name", "preferred_username", "cognito:username", "username", "email"};

    private static final int MAX_DISPLAY_NAME = 100;

    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final String guestIssuer;

    Caller(SecurityIdentity identity, JsonWebToken token, UploadApiConfig config) {
        this.identity = identity;
        this.token = token;
        this.guestIssuer = config.guests().issuer();
    }

    /**
     * The caller as a guest, when their token is a guest token (this API's own; {@link GuestTenantResolver} had it
     * verified against the guest key): the event and what the link allows.
     */
    public Optional<GuestSession> guest() {
        if (!guestIssuer.equals(token.getIssuer())
                || token.getSubject() == null
                || !token.getSubject().startsWith(GuestSession.SUBJECT_PREFIX)) {
            return Optional.empty();
        }
        return Optional.of(new GuestSession(
                Claims.string(token, GuestTokens.EVENT_ID),
                UUID.fromString(token.getSubject().substring(GuestSession.SUBJECT_PREFIX.length())),
                Claims.string(token, GuestTokens.NAME),
                Claims.bool(token, GuestTokens.VIEW),
                Claims.bool(token, GuestTokens.REVIEW),
                Claims.bool(token, GuestTokens.WALL)));
    }

    /** The token's subject: stable across renames, unlike a user name. */
    public String userId() {
        String subject = token.getSubject();
        return subject != null ? subject : identity.getPrincipal().getName();
    }

    /** What other members see: the token's name claims, else the user id; at most 100 characters. */
    public String displayName() {
        for (String claim : NAME_CLAIMS) {
            String value = Claims.string(token, claim);
            if (value != null && !value.isBlank()) {
                String name = value.strip();
                return name.codePointCount(0, name.length()) <= MAX_DISPLAY_NAME
                        ? name
                        : name.substring(0, name.offsetByCodePoints(0, MAX_DISPLAY_NAME));
            }
        }
        return userId();
    }
}
