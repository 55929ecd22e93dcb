package com.eventphotos.api.storage;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import com.eventphotos.api.UploadApiConfig;
import com.eventphotos.contract.UploadUrlPresigner;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

public class UploadUrlPresignerProducer {

    private static final String CREDENTIALS = "quarkus.s3.aws.credentials.";

    /**
     * The Quarkiverse-managed presigner resolves the bucket's endpoint once (region, endpoint override, path
     * style); URLs are signed with the same credentials the S3 client would use.
     */
    @Produces
    @ApplicationScoped
    UploadUrlPresigner uploadUrlPresigner(S3Presigner presigner, UploadApiConfig config) {
        return UploadUrlPresigner.forBucket(
                presigner, config.bucket(), config.region(), credentials(), config.uploadUrlExpiry());
    }

    /** As configured for the S3 client: static keys (local S3 servers only) or the default provider chain. */
    private static AwsCredentialsProvider credentials() {
        Config config = ConfigProvider.getConfig();
        if ("static"
                .equalsIgnoreCase(config.getOptionalValue(CREDENTIALS + "type", String.class)
                        .orElse("default"))) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    config.getValue(CREDENTIALS + "static-provider.access-key-id", String.class),
                    config.getValue(CREDENTIALS + "static-provider.secret-access-key", String.class)));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
