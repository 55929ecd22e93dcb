package com.eventphotos.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.eventphotos.emulators.RepositoryPaths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the benchmarks working: each runs with tiny counts and must produce its figures. No timing is
 * asserted; the figures are measured by ./run-benchmarks.sh.
 */
class BenchmarksSmokeTest {

    private final Path root = RepositoryPaths.find("benchmarks").getParent();

    @Test
    void presignBenchmark_shouldSignTheSameKindOfUrl_onEveryPath() throws Exception {
        PresignBenchmark benchmark = new PresignBenchmark();
        benchmark.setUp();
        try {
            assertTrue(benchmark.uploadUrl().url().contains("X-Amz-Signature="));
            assertTrue(benchmark.sdkPresignPutObject().contains("X-Amz-Signature="));
            String floor = benchmark.sigV4Floor();
            assertTrue(floor.startsWith("https://event-photos-prod.s3.eu-central-1.amazonaws.com/uploads/"), floor);
            assertTrue(floor.matches(".*X-Amz-Signature=[0-9a-f]{64}$"), floor);
        } finally {
            benchmark.tearDown();
        }
    }

    @Test
    void renditionBenchmark_shouldMeasureTheProcessorAndSharp_onEveryInput() throws Exception {
        Results results = new Results();
        BenchmarksMain.renditions(true, root, RepositoryPaths.targetDir("bench-smoke"))
                .run(results);

        List<String> names = results.figures().stream()
                .map(f -> f.section() + " / " + f.name())
                .toList();
        for (String format : List.of("JPEG", "PNG", "WebP")) {
            for (int inFlight : List.of(1, 2)) {
                String section = "renditions: 0.5 MP " + format + ", " + inFlight + " in flight / ";
                for (String figure : List.of(
                        "processor (Java, libvips via JNA): images per second",
                        "sharp, one pipeline per width: images per second",
                        "sharp, decoded once: peak RSS",
                        "ratio: processor / sharp (one pipeline per width)")) {
                    assertTrue(names.contains(section + figure), section + figure + " missing from " + names);
                }
            }
        }
        // same outputs on both sides: the same widths and heights
        List<String> sizes = results.figures().stream()
                .filter(f -> f.name().endsWith("output bytes, all widths")
                        && f.section().contains("JPEG, 1 in flight"))
                .map(Results.Figure::note)
                .map(note -> note.replaceAll(" \\d+ KiB JPEG \\+ \\d+ KiB WebP", ""))
                .distinct()
                .toList();
        assertEquals(List.of("320x240, 640x480, 800x600"), sizes);
    }

    @Test
    void processorBenchmarks_shouldProduceThroughputBreakdownAndColdStartFigures_always() throws Exception {
        Results results = new Results();
        Path work = RepositoryPaths.targetDir("bench-smoke");
        BenchmarksMain.processorThroughput(true, root, work).run(results);
        new ColdStart(root, work.resolve("cold-start"), 1).run(results);

        List<String> names = results.figures().stream()
                .map(f -> f.section() + " / " + f.name())
                .toList();
        for (String expected : List.of(
                "processor (1 record/event) / records processed per second",
                "processor (10 records/event) / time per record",
                "processor breakdown / GetObject of the upload (local S3 server)",
                "processor breakdown / conditional PutItem (DynamoDB Local)",
                "processor cold start / plain JVM: process start to first event processed")) {
            assertTrue(names.contains(expected), expected + " missing from " + names);
        }
        assertTrue(
                results.figures().stream().allMatch(f -> f.value() > 0),
                results.figures().toString());
    }

    @Test
    void wallBenchmark_shouldDeliverEveryPhotoToEverySubscriberOnce_throughTheLocalStack() throws Exception {
        Results results = new Results();
        BenchmarksMain.wall(true, root, RepositoryPaths.targetDir("bench-smoke"))
                .run(results);

        Map<String, Double> figures = results.figures().stream()
                .collect(java.util.stream.Collectors.toMap(Results.Figure::name, Results.Figure::value, (a, b) -> a));
        assertEquals(6.0, figures.get("deliveries expected"));
        assertEquals(6.0, figures.get("deliveries received once"), figures.toString());
        assertEquals(0.0, figures.get("missing"));
        assertEquals(0.0, figures.get("duplicates"));
        assertTrue(figures.get("PUT done -> event received p95") > 0, figures.toString());
    }
}
