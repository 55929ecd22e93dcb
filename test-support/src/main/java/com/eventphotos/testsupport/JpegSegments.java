package com.eventphotos.testsupport;

import java.util.ArrayList;
import java.util.List;

/** Lists a JPEG's marker segments up to the image data, so a test can check which metadata a file carries. */
public final class JpegSegments {

    /** @param marker the byte after 0xFF (0xE1 = APP1, Exif or XMP; 0xE2 = APP2, ICC; 0xED = APP13, IPTC) */
    public record Segment(int marker, byte[] payload) {

        public boolean isApp() {
            return marker >= 0xE0 && marker <= 0xEF;
        }

        public String name() {
            return isApp() ? "APP" + (marker - 0xE0) : String.format("0xFF%02X", marker);
        }
    }

    private JpegSegments() {}

    public static List<Segment> of(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            throw new IllegalArgumentException("not a JPEG");
        }
        List<Segment> segments = new ArrayList<>();
        int at = 2;
        while (at + 4 <= jpeg.length) {
            if ((jpeg[at] & 0xFF) != 0xFF) {
                throw new IllegalArgumentException("no marker at " + at);
            }
            int marker = jpeg[at + 1] & 0xFF;
            int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
            byte[] payload = new byte[length - 2];
            System.arraycopy(jpeg, at + 4, payload, 0, payload.length);
            segments.add(new Segment(marker, payload));
            if (marker == 0xDA) { // start of scan: entropy-coded data follows
                break;
            }
            at += 2 + length;
        }
        return segments;
    }

    /** The APPn segments other than JFIF (APP0): these carry EXIF, GPS, XMP, ICC, IPTC. */
    public static List<Segment> metadata(byte[] jpeg) {
        return of(jpeg).stream()
                .filter(Segment::isApp)
                .filter(segment -> segment.marker() != 0xE0)
                .toList();
    }
}
