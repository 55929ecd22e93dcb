package com.eventphotos.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.eventphotos.localstack.ChildProcess;
import com.eventphotos.localstack.LocalLambdaRuntime;
import com.eventphotos.testsupport.TestImages;

/**
 * From starting the processor's process (function.zip under AWS's Lambda runtime client, with the Java 17
 * runtime's JVM flags) to its first event fully processed, median of several runs: plain, and with a
 * dynamic AppCDS archive recorded by a training run.
 */
final class ColdStart {

    private final Path root;
    private final Path workDir;
    private final int runs;

    ColdStart(Path root, Path workDir, int runs) {
        this.root = root;
        this.workDir = workDir;
        this.runs = runs;
    }

    void run(Results results) throws Exception {
        try (ProcessorRig rig = new ProcessorRig(root, workDir)) {
            rig.upload(runs * 2 + 2, TestImages.phoneJpeg(640, 480, 6));
            measure(rig, "plain JVM", List.of(), results);
            Path archive = workDir.resolve("processor-appcds.jsa");
            Files.deleteIfExists(archive);
            trainArchive(rig, archive);
            if (Files.isRegularFile(archive)) {
                measure(rig, "AppCDS (dynamic archive)", List.of("-XX:SharedArchiveFile=" + archive), results);
            } else {
                results.note("AppCDS archive was not written; only the plain JVM was measured");
            }
        }
    }

    private int next;

    private void measure(ProcessorRig rig, String variant, List<String> jvmOptions, Results results) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            millis.add(coldStartMillis(rig, jvmOptions, variant.replaceAll("\\W+", "-") + i));
        }
        results.add(
                "processor cold start",
                variant + ": process start to first event processed",
                Results.median(millis),
                "ms (median)",
                "min " + Math.round(millis.stream().min(Double::compare).orElseThrow()) + " / max "
                        + Math.round(millis.stream().max(Double::compare).orElseThrow()),
                runs + " runs");
    }

    /** A fresh Runtime API per run, as each cold start is a new execution environment. */
    private double coldStartMillis(ProcessorRig rig, List<String> jvmOptions, String name) throws Exception {
        try (LocalLambdaRuntime runtime = LocalLambdaRuntime.start(0, workDir.resolve("logs"))) {
            runtime.invokeAsync(rig.event(List.of(rig.keys().get(next++))));
            long start = System.nanoTime();
            try (ChildProcess function = rig.startFunction(runtime, jvmOptions, name)) {
                ProcessorRig.awaitSucceeded(runtime, 1, function, 60_000);
                return (System.nanoTime() - start) / 1e6;
            }
        }
    }

    /** One run that processes an event and exits, dumping the classes it loaded. */
    private void trainArchive(ProcessorRig rig, Path archive) throws Exception {
        coldStartMillis(rig, List.of("-XX:ArchiveClassesAtExit=" + archive), "appcds-training");
        for (int i = 0; i < 50 && !Files.isRegularFile(archive); i++) {
            Thread.sleep(100);
        }
    }
}
