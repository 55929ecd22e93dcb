package com.eventphotos.api.auth;

import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.eventphotos.api.UploadApiConfig;
import com.eventphotos.api.domain.Echo;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Accepts exactly the tokens of this app's own clients ({@code event-photos.auth.client-ids}); other clients of the
 * same issuer (another app in the same Cognito user pool or Keycloak realm) are refused, in the app itself, because
 * the container deployment has no API Gateway in front to do it.
 *
 * <ul>
 *   <li>Access tokens (Cognito {@code token_use=access}, Keycloak {@code typ=Bearer}) name their client in
 *       {@code client_id} (Cognito) or {@code azp} (Keycloak).
 *   <li>ID tokens (Cognito {@code token_use=id}, Keycloak {@code typ=ID}) name it in {@code aud}. They are accepted
 *       (the original web client sends its ID token, and API Gateway's JWT authorizer accepts it too) unless
 *       {@code event-photos.auth.accept-id-tokens=false}. Either way the token is only the caller's identity: the
 *       API reads nothing from it but the subject.
 * </ul>
 */
@ApplicationScoped
public class AppClientCheck implements SecurityIdentityAugmentor {

    private final Set<String> clientIds;
    private final boolean acceptIdTokens;
    private final String guestIssuer;

    AppClientCheck(UploadApiConfig config) {
        this.clientIds = Set.copyOf(config.auth().clientIds());
        this.acceptIdTokens = config.auth().acceptIdTokens();
        this.guestIssuer = config.guests().issuer();
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        // Only a verified JWT says which client it was issued to; anything else (an introspected opaque token) is
        // refused rather than let through unchecked.
        Optional<String> refusal = identity.getPrincipal() instanceof JsonWebToken token
                ? refusal(token)
                : Optional.of("not a JWT: the client it was issued to cannot be checked");
        return refusal.isPresent()
                ? Uni.createFrom().failure(new AuthenticationFailedException(refusal.get()))
                : Uni.createFrom().item(identity);
    }

    /** Why the token is not one of this app's, or empty if it is. */
    Optional<String> refusal(JsonWebToken token) {
        if (guestIssuer.equals(token.getIssuer())) {
            // this API's own guest token: its tenant checked issuer, audience, expiry and signature
            Set<String> audience = token.getAudience() == null ? Set.of() : token.getAudience();
            return audience.contains(GuestTokens.AUDIENCE)
                    ? Optional.empty()
                    : Optional.of("a guest token for another audience");
        }
        String tokenUse = Claims.string(token, "token_use");
        String type = Claims.string(token, "typ");
        if ("access".equals(tokenUse) || "Bearer".equalsIgnoreCase(type)) {
            // Each issuer's own claim names the client: client_id for Cognito, azp for Keycloak; where a token
            // carries both they must agree, so an extra claim cannot speak for another client.
            String client = "access".equals(tokenUse) ? Claims.string(token, "client_id") : Claims.string(token, "azp");
            String other = "access".equals(tokenUse) ? Claims.string(token, "azp") : Claims.string(token, "client_id");
            boolean ours = client != null && clientIds.contains(client) && (other == null || other.equals(client));
            return ours
                    ? Optional.empty()
                    : Optional.of("wrong client: access token of client " + Echo.bounded(client));
        }
        if ("id".equals(tokenUse) || "ID".equals(type)) {
            if (!acceptIdTokens) {
                return Optional.of("ID tokens are not accepted (event-photos.auth.accept-id-tokens=false)");
            }
            Set<String> audience = token.getAudience() == null ? Set.of() : token.getAudience();
            String authorizedParty = Claims.string(token, "azp");
            boolean ours = audience.stream().anyMatch(clientIds::contains)
                    && (authorizedParty == null || clientIds.contains(authorizedParty));
            return ours
                    ? Optional.empty()
                    : Optional.of("wrong client: ID token for audience " + Echo.bounded(String.valueOf(audience)));
        }
        return Optional.of("neither an access nor an ID token (no token_use or typ claim says which)");
    }
}
