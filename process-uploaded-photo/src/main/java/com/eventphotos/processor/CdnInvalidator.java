package com.eventphotos.processor;

import java.util.Optional;

import org.jboss.logging.Logger;

import com.eventphotos.contract.Renditions;
import com.eventphotos.contract.UploadKey;

import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

/**
 * Tells the CDN to stop serving a deleted photo: renditions are cached for a year, so deleting them from the bucket
 * alone would leave them reachable at their URLs. One wildcard path per photo (CloudFront counts it as one path).
 */
public class CdnInvalidator {

    private static final Logger LOG = Logger.getLogger(CdnInvalidator.class);

    private final Optional<CloudFrontClient> cloudFront;
    private final Optional<String> distributionId;

    public CdnInvalidator(Optional<CloudFrontClient> cloudFront, Optional<String> distributionId) {
        this.cloudFront = cloudFront;
        this.distributionId = distributionId;
    }

    /** The path pattern that covers every rendition of the photo: {@code /photos/event_{eventId}/{photoId}/*}. */
    public static String pathOf(UploadKey upload) {
        return "/" + Renditions.PREFIX + "event_" + upload.eventId() + "/" + upload.photoId() + "/*";
    }

    /**
     * @param reference unique per deletion of this photo, so a retried event does not start a second invalidation
     *     (CloudFront answers a repeated CallerReference with the first one)
     */
    public void invalidate(UploadKey upload, String reference) {
        if (cloudFront.isEmpty() || distributionId.isEmpty()) {
            LOG.debugf("no CDN distribution configured; nothing to invalidate for %s", upload);
            return;
        }
        String path = pathOf(upload);
        var response = cloudFront.get().createInvalidation(request -> request.distributionId(distributionId.get())
                .invalidationBatch(batch -> batch.callerReference(reference)
                        .paths(paths -> paths.quantity(1).items(path))));
        LOG.infof("CDN invalidation %s for %s", response.invalidation().id(), path);
    }
}
