package com.eventphotos.processor;

import java.time.Instant;

import com.eventphotos.contract.PhotoMetadata;
import com.eventphotos.processor.image.ImageBuffer;

/**
 * An object whose metadata, key and Content-Type agree, with its bytes (at most the configured maximum) in
 * native memory, and the ETag S3 gave those bytes (what the record binds itself to). Close it when done.
 */
public record UploadedPhoto(PhotoMetadata metadata, long size, Instant uploadedAt, ImageBuffer bytes, String eTag)
        implements AutoCloseable {

    @Override
    public void close() {
        bytes.close();
    }
}
