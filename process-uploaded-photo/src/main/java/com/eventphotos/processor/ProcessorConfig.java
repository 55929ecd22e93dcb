package com.eventphotos.processor;

import io.smallrye.config.ConfigMapping;

/** Overridable by environment variables: EVENT_PHOTOS_BUCKET, EVENT_PHOTOS_TABLE, EVENT_PHOTOS_CDN_BASE_URL. */
@ConfigMapping(prefix = "event-photos")
public interface ProcessorConfig {

    /** The photos bucket; events from any other bucket are ignored. */
    String bucket();

    /** The DynamoDB table of photo records. */
    String table();

    /** {@code https://{cloudfront-domain}}: a record's url is this, a slash, and the S3 key. */
    String cdnBaseUrl();
}
