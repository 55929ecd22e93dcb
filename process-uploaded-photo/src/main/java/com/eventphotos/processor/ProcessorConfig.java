package com.eventphotos.processor;

import java.time.Duration;
import java.util.Optional;

import com.eventphotos.contract.UploadLimits;
import com.eventphotos.contract.live.LiveEndpointConfig;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Overridable by environment variables: EVENT_PHOTOS_BUCKET, EVENT_PHOTOS_TABLE, EVENT_PHOTOS_CDN_BASE_URL,
 * EVENT_PHOTOS_CDN_DISTRIBUTION_ID, EVENT_PHOTOS_LIVE_HTTP_URL, EVENT_PHOTOS_LIVE_REGION,
 * EVENT_PHOTOS_MAX_CONTENT_LENGTH, EVENT_PHOTOS_MAX_PIXELS, EVENT_PHOTOS_LIBVIPS_PATH, EVENT_PHOTOS_IMAGE_THREADS.
 */
@ConfigMapping(prefix = "event-photos")
public interface ProcessorConfig {

    /** The photos bucket; events from any other bucket are ignored. */
    String bucket();

    /** The DynamoDB table of photo records. */
    String table();

    /** {@code https://{cloudfront-domain}}: a rendition's url is this, a slash, and its S3 key. */
    String cdnBaseUrl();

    /**
     * The CloudFront distribution serving {@link #cdnBaseUrl()}: a deleted photo's renditions are invalidated there.
     * Unset where no CDN caches (the local stack's stand-in reads the bucket on every request).
     */
    Optional<String> cdnDistributionId();

    /** CloudFront's CreateInvalidation, one attempt (its client is ours, not Quarkus'; see application.properties). */
    @WithDefault("5S")
    Duration cdnCallAttemptTimeout();

    /** CloudFront's CreateInvalidation, all attempts together. */
    @WithDefault("10S")
    Duration cdnCallTimeout();

    /** Uploads larger than this many bytes are rejected without being read (the API's limit too). */
    @WithDefault(UploadLimits.MAX_CONTENT_LENGTH)
    long maxContentLength();

    /** Images whose header declares more pixels are rejected before any pixel is decoded. */
    @WithDefault(UploadLimits.MAX_PIXELS)
    long maxPixels();

    /** Where the event's galleries hear of a new photo. */
    LiveEndpointConfig live();

    /** libvips' shared library; the function's Lambda layer puts it here. */
    @WithDefault("/opt/lib/libvips-cpp.so")
    String libvipsPath();

    /** libvips worker threads per image; 0 means one per core. */
    @WithDefault("0")
    int imageThreads();
}
