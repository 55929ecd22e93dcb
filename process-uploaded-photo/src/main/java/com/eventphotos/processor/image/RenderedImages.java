package com.eventphotos.processor.image;

import java.util.List;

/**
 * An image's renditions, in the order of the widths asked for, and how long decoding the largest took (the
 * renditions' own encode times are in each {@link EncodedImage}).
 */
public record RenderedImages(long decodeNanos, List<EncodedImage> images) {

    public RenderedImages {
        images = List.copyOf(images);
    }
}
