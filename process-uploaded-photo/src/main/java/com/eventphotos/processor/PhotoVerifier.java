package com.eventphotos.processor;

import com.eventphotos.contract.PhotoContentType;
import com.eventphotos.processor.image.ImageHeader;
import com.eventphotos.processor.image.UndecodableImageException;
import com.eventphotos.processor.image.Vips;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Trusts no uploaded byte: the file must start with the declared type's signature, and its header must
 * declare at most the configured number of pixels. Both are checked before anything is decoded, so a
 * decompression bomb (a small file declaring a huge image) is refused in microseconds; whether the pixels
 * themselves decode is found out while the renditions are made.
 */
@ApplicationScoped
public class PhotoVerifier {

    private final Vips vips;
    private final ProcessorConfig config;

    PhotoVerifier(Vips vips, ProcessorConfig config) {
        this.vips = vips;
        this.config = config;
    }

    public ImageHeader verify(UploadedPhoto photo) throws RejectedUploadException {
        PhotoContentType declared = photo.metadata().contentType();
        if (!declared.matchesSignature(photo.bytes().head(PhotoContentType.SIGNATURE_BYTES))) {
            throw new RejectedUploadException("the bytes are not a " + declared.mimeType() + " image");
        }
        ImageHeader header;
        try {
            header = vips.header(photo.bytes());
        } catch (UndecodableImageException e) {
            throw new RejectedUploadException(e.getMessage());
        }
        if (header.width() < 1 || header.height() < 1) {
            throw new RejectedUploadException("the image header declares no pixels");
        }
        if (header.pixels() > config.maxPixels()) {
            throw new RejectedUploadException("the image declares " + header.width() + "x" + header.height() + " = "
                    + header.pixels() + " pixels, more than the " + config.maxPixels() + " allowed");
        }
        return header;
    }
}
