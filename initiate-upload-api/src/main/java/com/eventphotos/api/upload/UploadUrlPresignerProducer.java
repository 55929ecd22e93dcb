package com.eventphotos.api.upload;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import com.eventphotos.api.UploadApiConfig;
import com.eventphotos.contract.UploadUrlPresigner;

import software.amazon.awssdk.services.s3.presigner.S3Presigner;

public class UploadUrlPresignerProducer {

    /** The Quarkiverse-managed presigner carries region, endpoint and the default credential chain. */
    @Produces
    @ApplicationScoped
    UploadUrlPresigner uploadUrlPresigner(S3Presigner presigner, UploadApiConfig config) {
        return new UploadUrlPresigner(presigner, config.bucket(), config.uploadUrlExpiry());
    }
}
