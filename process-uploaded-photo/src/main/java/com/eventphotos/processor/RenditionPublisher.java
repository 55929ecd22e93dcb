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
import com.eventphotos.processor.image.UndecodableImageException;
import com.eventphotos.processor.image.Vips;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Makes a verified upload's renditions and stores them under {@link Renditions#PREFIX}, the only prefix the
 * CDN serves, each with a year-long immutable Cache-Control. All are encoded before the first is stored, so an
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
    public List<Rendition> publish(UploadedPhoto photo, ImageHeader header) throws RejectedUploadException {
        UploadKey upload = photo.metadata().key();
        List<Integer> widths = Renditions.widthsFor(header.orientedWidth());
        List<EncodedImage> images;
        try {
            images = vips.jpegRenditions(
                    photo.bytes(),
                    header,
                    photo.metadata().contentType() == PhotoContentType.JPEG,
                    widths,
                    Renditions.JPEG_QUALITY);
        } catch (UndecodableImageException e) {
            throw new RejectedUploadException(e.getMessage());
        }
        List<Rendition> renditions = new ArrayList<>();
        for (int i = 0; i < widths.size(); i++) {
            EncodedImage image = images.get(i);
            String key = Renditions.key(upload, widths.get(i));
            s3.putObject(
                    put -> put.bucket(config.bucket())
                            .key(key)
                            .contentType(Renditions.CONTENT_TYPE)
                            .cacheControl(CdnCaching.CACHE_CONTROL),
                    RequestBody.fromBytes(image.bytes()));
            renditions.add(new Rendition(
                    key,
                    Renditions.url(config.cdnBaseUrl(), key),
                    image.width(),
                    image.height(),
                    image.bytes().length));
        }
        return renditions;
    }
}
