package com.eventphotos.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.eventphotos.contract.deployment.FunctionSpec;

/**
 * Runs a function.zip the way Lambda's Java 17 runtime does: the package unpacked as the task root
 * ({@code LAMBDA_TASK_ROOT}, classes at the top and {@code lib/*.jar}), AWS's runtime interface client as
 * the main class with the handler name, polling the Runtime API at {@code AWS_LAMBDA_RUNTIME_API}.
 */
public final class LambdaFunction {

    private static final String RUNTIME_CLIENT_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /** What the Java 17 managed runtime passes to the JVM (JAVA_TOOL_OPTIONS), for realistic start-up. */
    private static final List<String> LAMBDA_JVM_OPTIONS =
            List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

    private LambdaFunction() {}

    /** The function {@code spec} describes (handler, memory; its name is the process's and the log group's). */
    public static ChildProcess start(
            FunctionSpec spec,
            Path functionZip,
            Path taskRoot,
            Path runtimeClientDir,
            String runtimeApi,
            Map<String, String> functionEnv,
            List<String> extraJvmOptions,
            Path log) {
        unpack(functionZip, taskRoot);
        String name = spec.name();
        Map<String, String> env = new HashMap<>(functionEnv);
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("_HANDLER", spec.handler());
        env.put("AWS_LAMBDA_FUNCTION_NAME", name);
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memoryMb()));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + name);
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local");
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java17");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = Stream.of(
                        Stream.of(java, "-Xmx" + spec.heapLimitMb() + "m"),
                        LAMBDA_JVM_OPTIONS.stream(),
                        extraJvmOptions.stream(),
                        Stream.of("-cp", runtimeClientClasspath(runtimeClientDir), RUNTIME_CLIENT_MAIN, spec.handler()))
                .flatMap(s -> s)
                .toList();
        return ChildProcess.start(name, command, env, taskRoot, log);
    }

    private static String runtimeClientClasspath(Path dir) {
        try (Stream<Path> jars = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
            String classpath = jars.filter(p -> p.toString().endsWith(".jar"))
                    .map(Path::toString)
                    .sorted()
                    .collect(Collectors.joining(java.io.File.pathSeparator));
            if (classpath.isEmpty()) {
                throw new LocalStackException("the Lambda runtime interface client is missing in " + dir + ": "
                        + BuiltArtifacts.HOW_TO_BUILD);
            }
            return classpath;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void unpack(Path zip, Path taskRoot) {
        if (!Files.isRegularFile(zip)) {
            throw new LocalStackException(zip + " is missing: " + BuiltArtifacts.HOW_TO_BUILD);
        }
        try {
            if (Files.exists(taskRoot)) {
                try (Stream<Path> old = Files.walk(taskRoot)) {
                    old.sorted(Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(taskRoot);
            try (InputStream in = Files.newInputStream(zip);
                    ZipInputStream entries = new ZipInputStream(in)) {
                for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                    Path target = taskRoot.resolve(entry.getName()).normalize();
                    if (!target.startsWith(taskRoot)) {
                        throw new LocalStackException("unsafe entry in " + zip + ": " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(entries, target);
                    }
                }
            }
        } catch (IOException e) {
            throw new LocalStackException("cannot unpack " + zip + ": " + e.getMessage(), e);
        }
    }
}
