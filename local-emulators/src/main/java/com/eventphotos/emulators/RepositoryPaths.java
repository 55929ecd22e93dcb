package com.eventphotos.emulators;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds files of this repository from wherever a test or the local run was started (a module, or the root). */
public final class RepositoryPaths {

    private RepositoryPaths() {}

    public static Path find(String relativePath) {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            Path resolved = candidate.resolve(relativePath);
            if (Files.exists(resolved)) {
                return resolved;
            }
        }
        throw new IllegalStateException(
                relativePath + " not found above " + dir + ": run from inside the event-photos repository");
    }

    /** The build output folder of the module the JVM was started in: logs and data of local servers go here. */
    public static Path targetDir(String name) {
        Path dir = Path.of(System.getProperty("user.dir"), "target", name).toAbsolutePath();
        try {
            return Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
