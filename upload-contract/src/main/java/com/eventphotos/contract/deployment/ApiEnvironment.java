package com.eventphotos.contract.deployment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment the upload API is started with, wherever it runs: infra sets it on the Lambda, the local
 * stack and the benchmarks on the packaged jar. Each name is the environment form of a key in the API's
 * {@code application.properties} ({@code event-photos.bucket} becomes {@code EVENT_PHOTOS_BUCKET}).
 *
 * @param oidcIssuer the token issuer (Cognito user pool or Keycloak realm URL)
 * @param oidcClientId the app client whose tokens are accepted, where the issuer names the client in the
 *     token (Cognito)
 * @param tokenAudience the audience the tokens must carry, where the issuer adds one (Keycloak's audience
 *     mapper); Cognito access tokens carry none
 */
public record ApiEnvironment(
        String bucket,
        String table,
        String region,
        List<String> allowedOrigins,
        String oidcIssuer,
        Optional<String> oidcClientId,
        Optional<String> tokenAudience) {

    public static final String BUCKET = "EVENT_PHOTOS_BUCKET";
    public static final String TABLE = "EVENT_PHOTOS_TABLE";
    public static final String REGION = "EVENT_PHOTOS_REGION";
    public static final String ALLOWED_ORIGINS = "EVENT_PHOTOS_ALLOWED_ORIGINS";
    public static final String OIDC_ISSUER = "QUARKUS_OIDC_AUTH_SERVER_URL";
    public static final String OIDC_CLIENT_ID = "QUARKUS_OIDC_CLIENT_ID";
    public static final String TOKEN_AUDIENCE = "QUARKUS_OIDC_TOKEN_AUDIENCE";

    public ApiEnvironment {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /** Name to value, in a stable order; absent optional settings are left out. */
    public Map<String, String> variables() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(BUCKET, bucket);
        env.put(TABLE, table);
        env.put(REGION, region);
        env.put(ALLOWED_ORIGINS, String.join(",", allowedOrigins));
        env.put(OIDC_ISSUER, oidcIssuer);
        oidcClientId.ifPresent(id -> env.put(OIDC_CLIENT_ID, id));
        tokenAudience.ifPresent(audience -> env.put(TOKEN_AUDIENCE, audience));
        return env;
    }
}
