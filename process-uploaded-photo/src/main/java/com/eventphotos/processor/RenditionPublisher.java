package com.eventphotos.processor;

import java.util.ArrayList;
import java.util.List;

import com.eventphotos.contract.CdnCaching;
import com.eventphotos.contract.PhotoContentType;
import com.eventphotos.contract.Rendition;
import com.eventphotos.contract.Renditions;
import com.eventphotos.contract.UploadKey;
import com.eventphotos.processor.image.EncodedImage;
import com.eventphotos.processor.image.ImageHeader;
import com.eventphotos.processor.image.RenderedImages;
import com.eventphotos.processor.image.UndecodableImageException;
import com.eventphotos.processor.image.Vips;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Makes a verified upload's renditions (each width as JPEG and as WebP) and stores them under
 * {@link Renditions#PREFIX}, the only prefix the CDN serves, each with a year-long immutable Cache-Control. All are encoded before the first is stored, so an
 * image that turns out not to decode leaves nothing behind; names are deterministic, so a retry rewrites the
 * same objects.
 */
@ApplicationScoped
public class RenditionPublisher {

    private final Vips vips;
    private final S3Client s3;
    private final ProcessorConfig config;

    RenditionPublisher(Vips vips, S3Client s3, ProcessorConfig config) {
        this.vips = vips;
        this.s3 = s3;
        this.config = config;
    }

    /**
     * @throws RejectedUploadException when the image does not decode (truncated or corrupt)
     * @throws software.amazon.awssdk.core.exception.SdkException when S3 cannot be written (transient)
     */
    public List<Rendition> publish(UploadedPhoto photo, ImageHeader header, PhotoTimings timings)
            throws RejectedUploadException {
        UploadKey upload = photo.metadata().key();
        List<Integer> widths = Renditions.widthsFor(header.orientedWidth());
        long start = System.nanoTime();
        RenderedImages rendered;
        try {
            rendered = vips.renditions(
                    photo.bytes(),
                    header,
                    photo.metadata().contentType() == PhotoContentType.JPEG,
                    widths,
                    Renditions.QUALITY);
        } catch (UndecodableImageException e) {
            throw new RejectedUploadException(e.getMessage());
        }
        timings.step(PhotoTimings.DECODE, rendered.decodeNanos());
        timings.step(PhotoTimings.ENCODE, System.nanoTime() - start - rendered.decodeNanos());
        List<EncodedImage> images = rendered.images();
        long storing = System.nanoTime();
        List<Rendition> renditions = new ArrayList<>();
        for (int i = 0; i < widths.size(); i++) {
            EncodedImage image = images.get(i);
            String jpegKey = Renditions.key(upload, widths.get(i));
            String webpKey = Renditions.webpKey(upload, widths.get(i));
            timings.encode(fileName(jpegKey), image.jpegNanos());
            timings.encode(fileName(webpKey), image.webpNanos());
            timings.store(fileName(jpegKey), store(jpegKey, Renditions.JPEG_CONTENT_TYPE, image.jpeg()));
            timings.store(fileName(webpKey), store(webpKey, Renditions.WEBP_CONTENT_TYPE, image.webp()));
            renditions.add(new Rendition(
                    jpegKey,
                    Renditions.url(config.cdnBaseUrl(), jpegKey),
                    image.width(),
                    image.height(),
                    image.jpeg().length,
                    Renditions.url(config.cdnBaseUrl(), webpKey),
                    image.webp().length));
        }
        timings.step(PhotoTimings.STORE, System.nanoTime() - storing);
        return renditions;
    }

    /** {@code w1920.jpg} of {@code photos/event_x/{photoId}/w1920.jpg}. */
    private static String fileName(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    /** @return how long the PutObject took */
    private long store(String key, String contentType, byte[] bytes) {
        long start = System.nanoTime();
        s3.putObject(
                put -> put.bucket(config.bucket())
                        .key(key)
                        .contentType(contentType)
                        .cacheControl(CdnCaching.CACHE_CONTROL),
                RequestBody.fromBytes(bytes));
        return System.nanoTime() - start;
    }
}
