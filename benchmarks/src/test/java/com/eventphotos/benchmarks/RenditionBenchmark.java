package com.eventphotos.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.eventphotos.localstack.BuiltArtifacts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The processor's rendition step against sharp, side by side in one run: for a 12 MP phone JPEG (EXIF
 * orientation 6, GPS), a 12 MP PNG and a 12 MP WebP, at 1 and 2 images in flight, images per second and peak
 * RSS of a process doing only that, with the same libvips threads per image and the same images in flight on
 * both sides. Each measurement is a fresh process (JVM, or Node with benchmarks/node/renditions.mjs).
 */
final class RenditionBenchmark {

    /** libvips worker threads per image, both sides: sharp's own default on glibc Linux. */
    static final int THREADS = 1;

    /** The managed Java runtime's own collector and JIT choice; a heap just big enough for a 25 MiB upload. */
    static final List<String> JVM_FLAGS = List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    /**
     * Both processes, as the deployed processor: glibc's per-thread malloc arenas otherwise hold on to freed image
     * memory (sharp's documentation recommends the same).
     */
    static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final Path workDir;
    private final int width;
    private final int height;
    private final double seconds;

    RenditionBenchmark(Path root, Path workDir, int width, int height, double seconds) {
        this.root = root;
        this.workDir = workDir;
        this.width = width;
        this.height = height;
        this.seconds = seconds;
    }

    void run(Results results) throws Exception {
        Path script = root.resolve("benchmarks/node/renditions.mjs");
        if (!Files.isDirectory(script.resolveSibling("node_modules/sharp"))) {
            throw new IllegalStateException(
                    "sharp is not installed in " + script.getParent() + ": ./mvnw install runs npm there");
        }
        BenchmarkPhotos.Inputs inputs = BenchmarkPhotos.write(workDir.resolve("inputs"), width, height);
        if (!Files.exists(inputs.webp())) {
            run(List.of(
                    "node",
                    script.toString(),
                    "webp",
                    inputs.png().toString(),
                    inputs.webp().toString()));
        }
        Map<String, Path> files = Map.of("JPEG", inputs.jpeg(), "PNG", inputs.png(), "WebP", inputs.webp());
        String megapixels = String.format("%.1f MP", width * (double) height / 1e6);
        for (String format : List.of("JPEG", "PNG", "WebP")) {
            Path file = files.get(format);
            for (int inFlight : List.of(1, 2)) {
                String section = "renditions: " + megapixels + " " + format + ", " + inFlight + " in flight";
                JsonNode ours = run(javaCommand(file, inFlight));
                JsonNode pipelines = run(nodeCommand(script, file, inFlight, "pipelines"));
                JsonNode decodeOnce = run(nodeCommand(script, file, inFlight, "decode-once"));
                String input = file.getFileName() + ", " + Files.size(file) / 1024 + " KiB";
                add(
                        results,
                        section,
                        "processor (Java, libvips via JNA)",
                        ours,
                        input + "; JVM " + String.join(" ", JVM_FLAGS));
                add(
                        results,
                        section,
                        "sharp, one pipeline per width",
                        pipelines,
                        "sharp " + pipelines.get("sharp").asText() + "; MALLOC_ARENA_MAX=2 on both sides");
                add(results, section, "sharp, decoded once", decodeOnce, "largest width decoded, smaller ones from it");
                double perSecond = ours.get("imagesPerSecond").asDouble();
                results.add(
                        section,
                        "ratio: processor / sharp (one pipeline per width)",
                        perSecond / pipelines.get("imagesPerSecond").asDouble(),
                        "x",
                        "",
                        "images/s");
                results.add(
                        section,
                        "ratio: processor / sharp (decoded once)",
                        perSecond / decodeOnce.get("imagesPerSecond").asDouble(),
                        "x",
                        "",
                        "images/s");
            }
        }
    }

    private static void add(Results results, String section, String side, JsonNode run, String note) {
        results.add(
                section,
                side + ": images per second",
                run.get("imagesPerSecond").asDouble(),
                "images/s",
                "",
                run.get("images").asInt() + " images in "
                        + String.format("%.1f", run.get("seconds").asDouble()) + " s; " + note);
        results.add(section, side + ": peak RSS", run.get("peakRssMiB").asDouble(), "MiB", "", "whole process (VmHWM)");
        List<String> sizes = new ArrayList<>();
        run.get("outputs")
                .forEach(o ->
                        sizes.add(o.get("width").asInt() + "x" + o.get("height").asInt() + " "
                                + o.get("bytes").asInt() / 1024 + " KiB JPEG + "
                                + o.get("webpBytes").asInt() / 1024
                                + " KiB WebP"));
        results.add(
                section,
                side + ": output bytes, all widths",
                sum(run.get("outputs")),
                "bytes",
                "",
                String.join(", ", sizes));
    }

    private static double sum(JsonNode outputs) {
        double total = 0;
        for (JsonNode output : outputs) {
            total += output.get("bytes").asDouble() + output.get("webpBytes").asDouble();
        }
        return total;
    }

    private List<String> javaCommand(Path file, int inFlight) {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(JVM_FLAGS);
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                RenditionRun.class.getName(),
                file.toString(),
                Integer.toString(inFlight),
                Double.toString(seconds),
                Integer.toString(THREADS),
                new BuiltArtifacts(root).libvipsLibrary().toString()));
        return command;
    }

    private List<String> nodeCommand(Path script, Path file, int inFlight, String variant) {
        return List.of(
                "node",
                script.toString(),
                "run",
                file.toString(),
                Integer.toString(inFlight),
                Double.toString(seconds),
                Integer.toString(THREADS),
                variant);
    }

    /** Runs one measurement process and returns the JSON line it prints last. */
    private JsonNode run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(ENVIRONMENT);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        List<String> lines = output.lines().filter(l -> l.startsWith("{")).collect(Collectors.toList());
        return lines.isEmpty() ? JSON.createObjectNode() : JSON.readTree(lines.get(lines.size() - 1));
    }
}
