package com.eventphotos.contract;

/**
 * How photos are cached. Keys contain a fresh UUID per upload, so an object's bytes never change under
 * its URL: caches may keep it for a year. A presigned PUT cannot make the browser send a Cache-Control
 * header without also forcing every client to send it, so the header is set where photos are served:
 * by the CDN (CloudFront response headers policy, see infra) and by the local CDN stand-in.
 */
public final class CdnCaching {

    public static final String CACHE_CONTROL = "max-age=31536000, immutable";
    public static final long MAX_AGE_SECONDS = 31_536_000L;

    private CdnCaching() {}
}
