package com.eventphotos.api.storage;

import java.net.URISyntaxException;
import java.time.Duration;

import com.eventphotos.api.UploadApiConfig;
import com.eventphotos.api.model.DownloadLink;
import com.eventphotos.contract.FileNames;

import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@link DownloadUrls} signed for S3 (no network call): the browser downloads straight from S3, and saves the file
 * under the name given here (the URL carries a signed {@code response-content-disposition}).
 */
@ApplicationScoped
public class S3DownloadUrls implements DownloadUrls {

    @Inject
    S3Presigner presigner;

    @Inject
    UploadApiConfig config;

    @Override
    public DownloadLink presign(String key, String fileName, Duration validFor) {
        PresignedGetObjectRequest request = presigner.presignGetObject(p -> p.signatureDuration(validFor)
                .getObjectRequest(g ->
                        g.bucket(config.bucket()).key(key).responseContentDisposition(FileNames.attachment(fileName))));
        try {
            return new DownloadLink(request.url().toURI(), request.expiration());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the SDK presigned an invalid URL", e);
        }
    }
}
