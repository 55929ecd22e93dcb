package com.eventphotos.localstack;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TerminalQrTest {

    @Test
    void render_shouldDrawACodeThatReadsBackAsTheLink_whenTheTerminalShowsBlocksLightOnDark() throws Exception {
        String link = "http://127.0.0.1:5173/g/demo-event~Xk3b9_QpZt2mLr8vW1yNcA";

        String drawn = TerminalQr.render(link);

        assertEquals(link, read(drawn));
    }

    @Test
    void render_shouldFramePlainLinesOfEqualWidth_withAQuietZoneOnEverySide() {
        List<String> lines =
                TerminalQr.render("http://127.0.0.1:5173/g/x~y").lines().toList();
        int width = lines.get(0).length();

        lines.forEach(line -> assertEquals(width, line.length(), "every line as wide as the first"));
        assertEquals("█".repeat(width), lines.get(0), "the top margin is light");
        lines.forEach(line -> assertEquals('█', line.charAt(0), "the left margin is light"));
    }

    /** What a camera does with the screen: light blocks white, spaces black, each character two modules tall. */
    private static String read(String drawn) throws Exception {
        List<String> lines = drawn.lines().toList();
        int scale = 4;
        int width = lines.get(0).length() * scale;
        int height = lines.size() * 2 * scale;
        int[] pixels = new int[width * height];
        for (int row = 0; row < lines.size(); row++) {
            for (int column = 0; column < lines.get(row).length(); column++) {
                char c = lines.get(row).charAt(column);
                boolean topLight = c == '█' || c == '▀';
                boolean bottomLight = c == '█' || c == '▄';
                for (int dy = 0; dy < 2 * scale; dy++) {
                    boolean light = dy < scale ? topLight : bottomLight;
                    for (int dx = 0; dx < scale; dx++) {
                        pixels[(row * 2 * scale + dy) * width + column * scale + dx] = light ? 0xFFFFFF : 0;
                    }
                }
            }
        }
        LuminanceSource screen = new RGBLuminanceSource(width, height, pixels);
        return new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(screen)))
                .getText();
    }
}
