package com.eventphotos.contract;

/**
 * How photos are cached. Keys contain a fresh UUID per upload, so an object's bytes never change under
 * its URL: caches may keep it for a year. The processor sets this Cache-Control on every rendition it
 * stores; the CDN (CloudFront response headers policy, see infra) and the local CDN stand-in send it too.
 */
public final class CdnCaching {

    public static final String CACHE_CONTROL = "public, max-age=31536000, immutable";
    public static final long MAX_AGE_SECONDS = 31_536_000L;

    private CdnCaching() {}
}
