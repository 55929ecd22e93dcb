package com.eventphotos.contract.deployment;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment the upload API is started with, wherever it runs: infra sets it on the Lambda, the local
 * stack and the benchmarks on the packaged jar. Each name is the environment form of a key in the API's
 * {@code application.properties} ({@code event-photos.bucket} becomes {@code EVENT_PHOTOS_BUCKET}).
 *
 * @param oidcIssuer the token issuer (Cognito user pool or Keycloak realm URL)
 * @param clientIds the app clients whose tokens are accepted (Cognito app client, Keycloak clients)
 * @param pageTokenKey the HMAC key of the listing's page tokens: random, at least 32 characters, never in a file
 * @param guestIssuer the {@code iss} of the guest tokens the API signs
 * @param guestKmsKeyId the KMS key that signs them (AWS); null: a key generated when the API starts
 * @param exportsTable and {@code exportQueueUrl}: the export jobs' table and the queue the export worker reads
 */
public record ApiEnvironment(
        String bucket,
        String table,
        String eventsTable,
        String exportsTable,
        String exportQueueUrl,
        String region,
        List<String> allowedOrigins,
        String oidcIssuer,
        List<String> clientIds,
        String pageTokenKey,
        String guestIssuer,
        String guestKmsKeyId) {

    /** Where guest tokens are signed with a key generated at start (the local stack, the benchmarks). */
    public static final String LOCAL_GUEST_ISSUER = "event-photos-guests";

    public static final String BUCKET = "EVENT_PHOTOS_BUCKET";
    public static final String TABLE = "EVENT_PHOTOS_TABLE";
    public static final String EVENTS_TABLE = "EVENT_PHOTOS_EVENTS_TABLE";
    public static final String EXPORTS_TABLE = ExportWorkerEnvironment.EXPORTS_TABLE;
    public static final String EXPORT_QUEUE_URL = ExportWorkerEnvironment.EXPORT_QUEUE_URL;
    public static final String REGION = "EVENT_PHOTOS_REGION";
    public static final String ALLOWED_ORIGINS = "EVENT_PHOTOS_ALLOWED_ORIGINS";
    public static final String OIDC_ISSUER = "QUARKUS_OIDC_AUTH_SERVER_URL";
    public static final String CLIENT_IDS = "EVENT_PHOTOS_AUTH_CLIENT_IDS";
    public static final String PAGE_TOKEN_KEY = "EVENT_PHOTOS_PAGE_TOKEN_KEY";
    public static final String GUEST_ISSUER = "EVENT_PHOTOS_GUESTS_ISSUER";
    public static final String GUEST_KMS_KEY_ID = "EVENT_PHOTOS_GUESTS_KMS_KEY_ID";

    /** A fresh random page-token key, for a stack that lives as long as one process (local stack, benchmarks). */
    public static String generatedPageTokenKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    public ApiEnvironment {
        allowedOrigins = List.copyOf(allowedOrigins);
        clientIds = List.copyOf(clientIds);
    }

    /** Name to value, in a stable order. */
    public Map<String, String> variables() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(BUCKET, bucket);
        env.put(TABLE, table);
        env.put(EVENTS_TABLE, eventsTable);
        env.put(EXPORTS_TABLE, exportsTable);
        env.put(EXPORT_QUEUE_URL, exportQueueUrl);
        env.put(REGION, region);
        env.put(ALLOWED_ORIGINS, String.join(",", allowedOrigins));
        env.put(OIDC_ISSUER, oidcIssuer);
        env.put(CLIENT_IDS, String.join(",", clientIds));
        env.put(PAGE_TOKEN_KEY, pageTokenKey);
        env.put(GUEST_ISSUER, guestIssuer);
        if (guestKmsKeyId != null) {
            env.put(GUEST_KMS_KEY_ID, guestKmsKeyId);
        }
        return env;
    }
}
