package com.eventphotos.testsupport;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** What a test asserts of a bucket. */
public final class S3Assertions {

    private S3Assertions() {}

    /** The bucket holds no object under {@code key} (S3 answers 404). */
    public static void assertGone(S3Client s3, String bucket, String key) {
        try {
            s3.headObject(h -> h.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            return;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return;
            }
            throw e;
        }
        throw new AssertionError(key + " is still in the bucket");
    }
}
