package com.eventphotos.contract.deployment;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment the upload processor is started with: infra sets it on the Lambda, the local stack and the
 * benchmarks on the unpacked function. Names are the environment form of the processor's
 * {@code application.properties} keys.
 *
 * @param libvipsPath where libvips' shared library is ({@code /opt/lib/...} from the Lambda layer in AWS)
 * @param cdnDistributionId the CloudFront distribution to invalidate deleted photos at; null where no CDN caches
 */
public record ProcessorEnvironment(
        String bucket, String table, String cdnBaseUrl, String libvipsPath, String cdnDistributionId) {

    /** Without a caching CDN (the local stack, the benchmarks). */
    public ProcessorEnvironment(String bucket, String table, String cdnBaseUrl, String libvipsPath) {
        this(bucket, table, cdnBaseUrl, libvipsPath, null);
    }

    public static final String BUCKET = "EVENT_PHOTOS_BUCKET";
    public static final String TABLE = "EVENT_PHOTOS_TABLE";
    public static final String CDN_BASE_URL = "EVENT_PHOTOS_CDN_BASE_URL";
    public static final String LIBVIPS_PATH = "EVENT_PHOTOS_LIBVIPS_PATH";
    public static final String CDN_DISTRIBUTION_ID = "EVENT_PHOTOS_CDN_DISTRIBUTION_ID";
    /** glibc keeps freed image memory in per-thread arenas otherwise (measured: docs/performance.md). */
    public static final String MALLOC_ARENA_MAX = "MALLOC_ARENA_MAX";

    /** Name to value, in a stable order. */
    public Map<String, String> variables() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(BUCKET, bucket);
        env.put(TABLE, table);
        env.put(CDN_BASE_URL, cdnBaseUrl);
        env.put(LIBVIPS_PATH, libvipsPath);
        if (cdnDistributionId != null) {
            env.put(CDN_DISTRIBUTION_ID, cdnDistributionId);
        }
        env.put(MALLOC_ARENA_MAX, "2");
        return env;
    }
}
