package com.eventphotos.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The one place that knows where the build leaves what the local stack runs, and says what to build when
 * something is missing (instead of each component failing on its own later).
 */
public record BuiltArtifacts(Path repositoryRoot) {

    static final String HOW_TO_BUILD = "build first with ./mvnw install -DskipTests";

    /** The API packaged as a plain HTTP server (fast-jar), as in its container image. */
    public Path apiJar() {
        return repositoryRoot.resolve("initiate-upload-api/target/quarkus-app/quarkus-run.jar");
    }

    /** The processor's Lambda package. */
    public Path processorPackage() {
        return repositoryRoot.resolve("process-uploaded-photo/target/function.zip");
    }

    /** The export worker's Lambda package. */
    public Path exportPackage() {
        return repositoryRoot.resolve("export-photos/target/function.zip");
    }

    /** libvips as the processor's build fetched it (in AWS, the function's layer puts it at /opt/lib). */
    public Path libvipsLibrary() {
        return repositoryRoot.resolve("process-uploaded-photo/target/libvips-layer/lib/libvips-cpp.so");
    }

    /** AWS's Lambda runtime interface client and its dependencies (jars). */
    public Path runtimeClient() {
        return repositoryRoot.resolve("local-stack/target/lambda-runtime-client");
    }

    /** The built web client (index.html and assets). */
    public Path webClient() {
        return repositoryRoot.resolve("web-client/dist");
    }

    /** Keycloak's unpacked server distribution. */
    public Path keycloakHome() {
        Path dist = repositoryRoot.resolve("local-stack/target/keycloak-dist");
        try (Stream<Path> entries = Files.isDirectory(dist) ? Files.list(dist) : Stream.empty()) {
            return entries.filter(p -> p.getFileName().toString().startsWith("keycloak-"))
                    .findFirst()
                    .orElse(dist.resolve("keycloak-(not unpacked)"));
        } catch (IOException e) {
            throw new LocalStackException("cannot read " + dist, e);
        }
    }

    /** Fails, naming everything that is missing, unless all of it is there. */
    public void requireAll() {
        List<String> missing = new ArrayList<>();
        requireFile(apiJar(), missing);
        requireFile(processorPackage(), missing);
        requireFile(exportPackage(), missing);
        requireFile(libvipsLibrary(), missing);
        requireFile(webClient().resolve("index.html"), missing);
        requireFile(keycloakHome().resolve("bin/kc.sh"), missing);
        if (!hasJars(runtimeClient())) {
            missing.add(runtimeClient() + " (jars)");
        }
        if (!missing.isEmpty()) {
            throw new LocalStackException("not built yet: " + String.join(", ", missing) + "; " + HOW_TO_BUILD);
        }
    }

    private static void requireFile(Path file, List<String> missing) {
        if (!Files.isRegularFile(file)) {
            missing.add(file.toString());
        }
    }

    private static boolean hasJars(Path dir) {
        try (Stream<Path> files = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
            return files.anyMatch(p -> p.toString().endsWith(".jar"));
        } catch (IOException e) {
            return false;
        }
    }
}
