package com.eventphotos.api.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends a guest token to the guest tenant, which verifies it against this API's own guest key (issuer, audience,
 * expiry, signature), on the routes guests may call; every other token, and a guest token anywhere else, goes to the
 * default tenant (Cognito or Keycloak), which refuses a guest token as one of an unknown issuer. Only the token's
 * {@code iss} is read before it is verified, to pick the tenant that verifies it.
 */
@ApplicationScoped
public class GuestTenantResolver implements TenantConfigResolver {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GuestTokens tokens;
    private volatile OidcTenantConfig guestTenant;

    GuestTenantResolver(GuestTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> request) {
        boolean guest = GuestRoutes.allows(context.request().method().name(), context.normalizedPath())
                && tokens.issuer().equals(unverifiedIssuer(context.request().getHeader(HttpHeaders.AUTHORIZATION)));
        return guest ? Uni.createFrom().item(guestTenant()) : Uni.createFrom().nullItem();
    }

    private OidcTenantConfig guestTenant() {
        if (guestTenant == null) {
            guestTenant = OidcTenantConfig.builder()
                    .tenantId("guest")
                    .publicKey(tokens.publicKeyBase64())
                    .token()
                    .issuer(tokens.issuer())
                    .audience(GuestTokens.AUDIENCE)
                    .end()
                    .build();
        }
        return guestTenant;
    }

    /** The {@code iss} of a bearer JWT, unverified; null for anything else. */
    static String unverifiedIssuer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String[] parts = authorization.substring(7).trim().split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode claims =
                    JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            JsonNode issuer = claims.get("iss");
            return issuer != null && issuer.isTextual() ? issuer.asText() : null;
        } catch (IllegalArgumentException | java.io.IOException e) {
            return null;
        }
    }
}
