package com.eventphotos.api.auth;

import java.time.Duration;

import com.eventphotos.api.UploadApiConfig;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** KMS where a key is configured (the deployed stack), a key generated at start elsewhere. */
public class GuestTokenKeyProducer {

    /** KMS's deadlines: a guest session waits on one Sign call, so it must end well inside the API's 15 s. */
    static final Duration KMS_ATTEMPT_TIMEOUT = Duration.ofSeconds(2);

    static final Duration KMS_CALL_TIMEOUT = Duration.ofSeconds(4);

    @Produces
    @ApplicationScoped
    GuestTokenKey guestTokenKey(UploadApiConfig config) {
        return config.guests()
                .kmsKeyId()
                .<GuestTokenKey>map(keyId -> new KmsGuestTokenKey(
                        KmsClient.builder()
                                .region(Region.of(config.region()))
                                .httpClient(UrlConnectionHttpClient.builder()
                                        .connectionTimeout(Duration.ofSeconds(1))
                                        .socketTimeout(KMS_ATTEMPT_TIMEOUT)
                                        .build())
                                .overrideConfiguration(o -> o.apiCallAttemptTimeout(KMS_ATTEMPT_TIMEOUT)
                                        .apiCallTimeout(KMS_CALL_TIMEOUT))
                                .build(),
                        keyId))
                .orElseGet(LocalGuestTokenKey::new);
    }
}
