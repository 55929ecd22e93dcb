package com.eventphotos.processor.image;

/**
 * What an image's header says, read without decoding a pixel.
 *
 * @param width stored width of the first frame
 * @param orientation EXIF orientation 1-8 (1 when absent)
 * @param frames frames (pages) in the file; renditions use the first
 * @param hasIccProfile whether the file embeds a colour profile (to convert to sRGB through)
 */
public record ImageHeader(int width, int height, int orientation, int frames, boolean hasIccProfile) {

    /** Orientations 5-8 turn the image by 90 degrees: width and height swap on display. */
    public boolean turnsSideways() {
        return orientation >= 5 && orientation <= 8;
    }

    public int orientedWidth() {
        return turnsSideways() ? height : width;
    }

    public int orientedHeight() {
        return turnsSideways() ? width : height;
    }

    public long pixels() {
        return (long) width * height;
    }
}
