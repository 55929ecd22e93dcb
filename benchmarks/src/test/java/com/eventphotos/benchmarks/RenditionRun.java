package com.eventphotos.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.eventphotos.contract.PhotoContentType;
import com.eventphotos.contract.Renditions;
import com.eventphotos.processor.image.EncodedImage;
import com.eventphotos.processor.image.ImageBuffer;
import com.eventphotos.processor.image.ImageHeader;
import com.eventphotos.processor.image.Vips;

/**
 * One measurement of the processor's rendition step in a JVM of its own (so its peak RSS is its own), the Java
 * twin of benchmarks/node/renditions.mjs: per image, the upload's bytes into native memory, the header, and
 * every rendition encoded, exactly as {@code RenditionPublisher} does before storing them. Prints one JSON line.
 * Arguments: input file, images in flight, seconds, libvips threads per image, libvips library path.
 */
public final class RenditionRun {

    private RenditionRun() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int inFlight = Integer.parseInt(args[1]);
        double seconds = Double.parseDouble(args[2]);
        Vips vips = Vips.load(Path.of(args[4]), Integer.parseInt(args[3]));
        byte[] input = Files.readAllBytes(file);
        boolean jpeg = PhotoContentType.JPEG.matchesSignature(input);

        List<EncodedImage> outputs = render(vips, input, jpeg); // warm-up, not counted
        render(vips, input, jpeg);
        AtomicInteger images = new AtomicInteger();
        AtomicReference<List<EncodedImage>> last = new AtomicReference<>(outputs);
        long started = System.nanoTime();
        long deadline = started + (long) (seconds * 1e9);
        ExecutorService workers = Executors.newFixedThreadPool(inFlight);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < inFlight; i++) {
            running.add(workers.submit(() -> {
                while (System.nanoTime() < deadline) {
                    last.set(render(vips, input, jpeg));
                    images.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> worker : running) {
            worker.get();
        }
        workers.shutdown();
        double elapsed = (System.nanoTime() - started) / 1e9;
        StringBuilder json = new StringBuilder("{\"images\":")
                .append(images.get())
                .append(",\"seconds\":")
                .append(elapsed)
                .append(",\"imagesPerSecond\":")
                .append(images.get() / elapsed)
                .append(",\"peakRssMiB\":")
                .append(Benchmarks.memoryOf(ProcessHandle.current().pid()).get("VmHWM") / 1024.0)
                .append(",\"libvips\":\"")
                .append(vips.version())
                .append("\",\"outputs\":[");
        List<EncodedImage> encoded = last.get();
        for (int i = 0; i < encoded.size(); i++) {
            EncodedImage image = encoded.get(i);
            json.append(i == 0 ? "" : ",")
                    .append("{\"width\":")
                    .append(image.width())
                    .append(",\"height\":")
                    .append(image.height())
                    .append(",\"bytes\":")
                    .append(image.jpeg().length)
                    .append(",\"webpBytes\":")
                    .append(image.webp().length)
                    .append('}');
        }
        System.out.println(json.append("]}"));
        System.exit(0);
    }

    private static List<EncodedImage> render(Vips vips, byte[] input, boolean jpeg) throws Exception {
        try (ImageBuffer buffer = ImageBuffer.copyOf(input)) {
            ImageHeader header = vips.header(buffer);
            return vips.renditions(
                            buffer, header, jpeg, Renditions.widthsFor(header.orientedWidth()), Renditions.QUALITY)
                    .images();
        }
    }
}
