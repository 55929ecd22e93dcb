package com.eventphotos.api.auth;

import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import com.eventphotos.api.UploadApiConfig;
import com.eventphotos.api.error.Echo;

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

    static final Logger LOG = Logger.getLogger("com.eventphotos.api.auth");

    private final Set<String> clientIds;
    private final boolean acceptIdTokens;

    AppClientCheck(UploadApiConfig config) {
        this.clientIds = Set.copyOf(config.auth().clientIds());
        this.acceptIdTokens = config.auth().acceptIdTokens();
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        Optional<String> refusal = refusal(token);
        if (refusal.isPresent()) {
            LOG.debugf("token refused: %s (subject %s)", refusal.get(), token.getSubject());
            return Uni.createFrom().failure(new AuthenticationFailedException(refusal.get()));
        }
        return Uni.createFrom().item(identity);
    }

    /** Why the token is not one of this app's, or empty if it is. */
    Optional<String> refusal(JsonWebToken token) {
        String tokenUse = claim(token, "token_use");
        String type = claim(token, "typ");
        if ("access".equals(tokenUse) || "Bearer".equalsIgnoreCase(type)) {
            String client = claim(token, "client_id") != null ? claim(token, "client_id") : claim(token, "azp");
            return clientIds.contains(client)
                    ? Optional.empty()
                    : Optional.of("wrong client: access token of client " + Echo.bounded(client));
        }
        if ("id".equals(tokenUse) || "ID".equals(type)) {
            if (!acceptIdTokens) {
                return Optional.of("ID tokens are not accepted (event-photos.auth.accept-id-tokens=false)");
            }
            Set<String> audience = token.getAudience() == null ? Set.of() : token.getAudience();
            String authorizedParty = claim(token, "azp");
            boolean ours = audience.stream().anyMatch(clientIds::contains)
                    && (authorizedParty == null || clientIds.contains(authorizedParty));
            return ours
                    ? Optional.empty()
                    : Optional.of("wrong client: ID token for audience " + Echo.bounded(String.valueOf(audience)));
        }
        return Optional.of("neither an access nor an ID token (no token_use or typ claim says which)");
    }

    private static String claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        return value == null ? null : value.toString().replace("\"", "");
    }
}
