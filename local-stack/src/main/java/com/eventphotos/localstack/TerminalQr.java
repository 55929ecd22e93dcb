package com.eventphotos.localstack;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code drawn with Unicode half blocks, two rows of modules per line of text, for a terminal's usual light text
 * on a dark background: light modules (and the quiet zone) are blocks, dark ones spaces. On a light-background
 * terminal it shows inverted, which phone cameras read as well.
 */
public final class TerminalQr {

    /** Modules of light margin around the code: readers need a quiet zone. */
    static final int QUIET_ZONE = 2;

    private TerminalQr() {}

    public static String render(String text) {
        BitMatrix matrix = encode(text);
        int size = matrix.getWidth();
        StringBuilder out = new StringBuilder();
        for (int y = -QUIET_ZONE; y < size + QUIET_ZONE; y += 2) {
            for (int x = -QUIET_ZONE; x < size + QUIET_ZONE; x++) {
                boolean topLight = !dark(matrix, x, y);
                boolean bottomLight = !dark(matrix, x, y + 1);
                out.append(topLight ? (bottomLight ? '█' : '▀') : (bottomLight ? '▄' : ' '));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The code's modules, without a margin; error correction M (as on the printed card). */
    static BitMatrix encode(String text) {
        try {
            return new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.MARGIN,
                                    0,
                                    EncodeHintType.CHARACTER_SET,
                                    "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode as a QR code: " + text, e);
        }
    }

    private static boolean dark(BitMatrix matrix, int x, int y) {
        return x >= 0 && y >= 0 && x < matrix.getWidth() && y < matrix.getHeight() && matrix.get(x, y);
    }
}
