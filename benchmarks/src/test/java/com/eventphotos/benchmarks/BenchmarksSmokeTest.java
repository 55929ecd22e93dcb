package com.eventphotos.benchmarks;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.eventphotos.testsupport.RepositoryPaths;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the benchmarks working: each runs with tiny counts and must produce its figures. No timing is
 * asserted; the figures are measured by ./run-benchmarks.sh.
 */
class BenchmarksSmokeTest {

    private final Path root = RepositoryPaths.find("benchmarks").getParent();

    @Test
    void presignBenchmark_signsTheSameKindOfUrlOnEveryPath() throws Exception {
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
    void processorBenchmarks_produceThroughputBreakdownAndColdStartFigures() throws Exception {
        Results results = new Results();
        Path work = RepositoryPaths.targetDir("bench-smoke");
        new ProcessorThroughput(root, work.resolve("processor"), 10).run(results);
        new ColdStart(root, work.resolve("cold-start"), 1).run(results);

        List<String> names = results.figures().stream()
                .map(f -> f.section() + " / " + f.name())
                .toList();
        for (String expected : List.of(
                "processor (1 record/event) / records processed per second",
                "processor (100 records/event) / time per record",
                "processor breakdown / HeadObject (local S3 server)",
                "processor breakdown / conditional PutItem (DynamoDB Local)",
                "processor cold start / plain JVM: process start to first event processed")) {
            assertTrue(names.contains(expected), expected + " missing from " + names);
        }
        assertTrue(
                results.figures().stream().allMatch(f -> f.value() > 0),
                results.figures().toString());
    }
}
