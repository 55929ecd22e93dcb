package com.eventphotos.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import com.eventphotos.emulators.RepositoryPaths;

/**
 * {@code ./run-benchmarks.sh}: every benchmark, bounded in time, on loopback only; writes
 * benchmarks/target/bench/results.json and results.md. {@code --smoke} runs each with tiny counts.
 */
public final class BenchmarksMain {

    private BenchmarksMain() {}

    public static void main(String[] args) throws Exception {
        // before any JDK HTTP server starts: see LocalLambdaRuntime
        System.setProperty("sun.net.httpserver.nodelay", "true");
        boolean smoke = List.of(args).contains("--smoke");
        // --only=presign|api|renditions|processor|wall|export runs one section
        String only = List.of(args).stream()
                .filter(a -> a.startsWith("--only="))
                .map(a -> a.substring("--only=".length()))
                .findFirst()
                .orElse(null);
        Path root = RepositoryPaths.find("benchmarks").getParent();
        Path out = root.resolve("benchmarks/target/bench");
        Results results = new Results();
        run(smoke, only, root, out, results);
        results.write(out, smoke ? "./run-benchmarks.sh --smoke" : "./run-benchmarks.sh");
        System.out.println("\nwritten: " + out.resolve("results.md") + " and results.json");
        System.exit(0);
    }

    static void run(boolean smoke, String only, Path root, Path out, Results results) throws Exception {
        if (selected(only, "presign")) {
            System.out.println("== presign and token verification (JMH) ==");
            jmh(smoke, results);
        }
        if (selected(only, "api")) {
            System.out.println("== API load over loopback (wrk) ==");
            new ApiLoadTest(root, out.resolve("api"), Duration.ofSeconds(smoke ? 2 : 20)).run(results);
        }
        if (selected(only, "renditions")) {
            System.out.println("== renditions: the processor's image step beside sharp ==");
            renditions(smoke, root, out).run(results);
        }
        if (selected(only, "wall")) {
            System.out.println("== live wall: subscribers on one channel while photos upload ==");
            wall(smoke, root, out).run(results);
        }
        if (selected(only, "export")) {
            System.out.println("== export: an event's originals into ZIP archives by the export worker ==");
            (smoke
                            ? new ExportBenchmark(root, out.resolve("export-smoke"), 20, 200_000)
                            : new ExportBenchmark(root, out.resolve("export"), 2000, 1_250_000))
                    .run(results);
        }
        if (selected(only, "processor")) {
            System.out.println("== processor throughput ==");
            processorThroughput(smoke, root, out).run(results);
            System.out.println("== processor cold start ==");
            new ColdStart(root, out.resolve("cold-start"), smoke ? 1 : 5).run(results);
        }
    }

    /** 200 subscribers, 100 uploads of a 12 MP phone JPEG at 1/s (smoke: 3 subscribers, 2 small uploads). */
    static WallBenchmark wall(boolean smoke, Path root, Path out) {
        return smoke
                ? new WallBenchmark(root, out.resolve("wall-smoke"), 3, 2, 800, 600)
                : new WallBenchmark(root, out.resolve("wall"), 200, 100, 4000, 3000);
    }

    private static boolean selected(String only, String section) {
        return only == null || only.equals(section);
    }

    static RenditionBenchmark renditions(boolean smoke, Path root, Path out) {
        return smoke
                ? new RenditionBenchmark(root, out.resolve("renditions-smoke"), 800, 600, 0.5)
                : new RenditionBenchmark(
                        root, out.resolve("renditions"), BenchmarkPhotos.WIDTH, BenchmarkPhotos.HEIGHT, 15);
    }

    /** 12 MP phone photos end to end; the smoke run uses small ones. */
    static ProcessorThroughput processorThroughput(boolean smoke, Path root, Path out) throws Exception {
        Path photo = smoke
                ? BenchmarkPhotos.write(out.resolve("renditions-smoke/inputs"), 800, 600)
                        .jpeg()
                : BenchmarkPhotos.write(out.resolve("renditions/inputs"), BenchmarkPhotos.WIDTH, BenchmarkPhotos.HEIGHT)
                        .jpeg();
        return new ProcessorThroughput(root, out.resolve("processor"), smoke ? 10 : 40, Files.readAllBytes(photo));
    }

    private static void jmh(boolean smoke, Results results) throws Exception {
        OptionsBuilder options = new OptionsBuilder();
        options.include(PresignBenchmark.class.getSimpleName())
                .include(TokenVerifyBenchmark.class.getSimpleName())
                .forks(1)
                .warmupIterations(smoke ? 1 : 5)
                .warmupTime(TimeValue.seconds(smoke ? 1 : 2))
                .measurementIterations(smoke ? 1 : 5)
                .measurementTime(TimeValue.seconds(smoke ? 1 : 3))
                .addProfiler("gc");
        double uploadUrl = 0;
        double floor = 0;
        for (RunResult run : new Runner(options.build()).run()) {
            String name = run.getParams().getBenchmark().replaceAll(".*\\.", "");
            var primary = run.getPrimaryResult();
            String spread = Double.isNaN(primary.getScoreError())
                    ? ""
                    : "± " + String.format("%.2f", primary.getScoreError()) + " (99.9% CI)";
            var alloc = run.getSecondaryResults().get("·gc.alloc.rate.norm");
            if (alloc == null) {
                alloc = run.getSecondaryResults().get("gc.alloc.rate.norm");
            }
            results.add(
                    "presign (JMH)",
                    name,
                    primary.getScore(),
                    "us/op",
                    spread,
                    alloc == null ? "" : String.format("%.0f B/op allocated", alloc.getScore()));
            if (name.equals("uploadUrl")) {
                uploadUrl = primary.getScore();
            } else if (name.equals("sigV4Floor")) {
                floor = primary.getScore();
            }
        }
        if (floor > 0) {
            results.add(
                    "presign (JMH)",
                    "uploadUrl / sigV4Floor",
                    uploadUrl / floor,
                    "x",
                    "",
                    "target: within 5x, and <= 20 us/op");
        }
    }
}
