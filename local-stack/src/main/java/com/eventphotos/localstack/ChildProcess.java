package com.eventphotos.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * A server process of the stack, with its output in one log file, stopped with all its children. It can be started
 * again with the same command ({@link #startAgain()}, appending to the log), and tells who asks when it exits
 * without having been stopped ({@link #onUnexpectedExit}).
 */
public final class ChildProcess implements AutoCloseable {

    /** How long a server gets to stop after SIGTERM before it is killed. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private static final List<String> PORT_TAKEN =
            List.of("Address already in use", "already bound", "seems to be in use");

    private final String name;
    private final Process process;
    private final ProcessBuilder builder;
    private final Path log;
    private volatile boolean stopping;

    private ChildProcess(String name, Process process, ProcessBuilder builder, Path log) {
        this.name = name;
        this.process = process;
        this.builder = builder;
        this.log = log;
    }

    public static ChildProcess start(
            String name, List<String> command, Map<String, String> env, Path workingDir, Path log) {
        try {
            Files.createDirectories(log.getParent());
        } catch (IOException e) {
            throw new LocalStackException("cannot create " + log.getParent() + ": " + e.getMessage(), e);
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return launch(name, builder, log);
    }

    /** The same command, environment and folder once more, its output appended to the same log. */
    public ChildProcess startAgain() {
        return launch(name, builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())), log);
    }

    private static ChildProcess launch(String name, ProcessBuilder builder, Path log) {
        try {
            return new ChildProcess(name, builder.start(), builder, log);
        } catch (IOException e) {
            throw new LocalStackException(
                    name + " could not be started (" + builder.command().get(0) + "): " + e.getMessage(), e);
        }
    }

    /** Runs {@code action} with the exit code when the process ends without {@link #close()} having stopped it. */
    public void onUnexpectedExit(IntConsumer action) {
        process.onExit().thenAccept(ended -> {
            if (!stopping) {
                action.accept(ended.exitValue());
            }
        });
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    String name() {
        return name;
    }

    /** Whether the process reported that its port was taken (the JDK's, Vert.x's and Quarkus' wording). */
    boolean logShowsPortTaken() {
        try {
            String text = Files.readString(log);
            return PORT_TAKEN.stream().anyMatch(text::contains);
        } catch (IOException unreadable) {
            return false;
        }
    }

    /** The last lines of the log, for an error message. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        stopping = true;
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
