package com.eventphotos.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

import com.eventphotos.testsupport.TestImages;

/**
 * The inputs of the rendition benchmark, made here (no photo can be downloaded on this machine): a 12 MP
 * scene of gradients, shapes and sensor-like noise, seeded so every run gets the same bytes, written as a phone
 * JPEG (stored turned, EXIF orientation 6, GPS, XMP, quality 0.9) and as a PNG. The WebP is made from the PNG
 * by the Node script with sharp, once, before anything is timed.
 */
final class BenchmarkPhotos {

    static final int WIDTH = 4032;
    static final int HEIGHT = 3024;

    private BenchmarkPhotos() {}

    record Inputs(Path jpeg, Path png, Path webp) {}

    static Inputs write(Path dir, int width, int height) throws IOException {
        Files.createDirectories(dir);
        Path jpeg = dir.resolve("phone-" + width + "x" + height + "-orientation6.jpg");
        Path png = dir.resolve("scene-" + width + "x" + height + ".png");
        if (!Files.exists(jpeg) || !Files.exists(png)) {
            BufferedImage scene = scene(width, height);
            Files.write(jpeg, TestImages.phoneJpeg(scene, 6, 0.9f));
            ImageIO.write(scene, "png", png.toFile());
        }
        return new Inputs(jpeg, png, dir.resolve("scene-" + width + "x" + height + ".webp"));
    }

    static BufferedImage scene(int width, int height) {
        Random random = new Random(20261122L);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(0x2B4C7E), width, height, new Color(0xE8B46A)));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color(random.nextInt(0xFFFFFF) | 0x60000000, true));
            int w = 20 + random.nextInt(width / 6);
            int h = 20 + random.nextInt(height / 6);
            int x = random.nextInt(width);
            int y = random.nextInt(height);
            if (i % 3 == 0) {
                g.setStroke(new BasicStroke(1 + random.nextInt(8)));
                g.drawLine(x, y, x + w, y + h);
            } else if (i % 3 == 1) {
                g.fillOval(x, y, w, h);
            } else {
                g.fillRect(x, y, w, h);
            }
        }
        g.dispose();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int noise = (int) (random.nextGaussian() * 6);
                int rgb = row[x];
                row[x] = (clamp(((rgb >> 16) & 0xFF) + noise) << 16)
                        | (clamp(((rgb >> 8) & 0xFF) + noise) << 8)
                        | clamp((rgb & 0xFF) + noise);
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
