package com.eventphotos.processor;

import com.eventphotos.processor.image.ImageHeader;
import com.eventphotos.processor.image.Vips;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * A fault injected for {@link RecordIsolationTest} only (enabled by its test profile): a photo titled {@link #TITLE}
 * makes verification throw an exception no code path expects, as a bug would.
 */
@Alternative
@Singleton
class ExplodingPhotoVerifier extends PhotoVerifier {

    static final String TITLE = "explodes in verification";

    @Inject
    ExplodingPhotoVerifier(Vips vips, ProcessorConfig config) {
        super(vips, config);
    }

    @Override
    public ImageHeader verify(UploadedPhoto photo) throws RejectedUploadException {
        if (TITLE.equals(photo.metadata().title())) {
            throw new IllegalStateException("injected fault");
        }
        return super.verify(photo);
    }
}
