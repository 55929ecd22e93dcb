package com.eventphotos.localstack;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a function's process running, as Lambda replaces a runtime that crashed: when the process exits or dies, the
 * invocations it held fail at once (the runtime API retries them by its rule) and a new process starts after a back-off
 * of 1, 2, 4 … at most {@link #MAX_BACKOFF} (back to 1 s once a process has lived {@link #HEALTHY_AFTER}), each restart a
 * line on the console and in {@code lambda-runtime.log}.
 */
final class FunctionSupervisor implements AutoCloseable {

    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    static final Duration HEALTHY_AFTER = Duration.ofSeconds(60);

    private final String name;
    private final LocalLambdaRuntime runtime;
    private final PrintStream console;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "function-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private volatile ChildProcess current;
    private volatile Instant startedAt;
    private volatile boolean closed;
    private int restartsInARow;
    private int restarts;

    FunctionSupervisor(String name, ChildProcess first, LocalLambdaRuntime runtime, PrintStream console) {
        this.name = name;
        this.runtime = runtime;
        this.console = console;
        watch(first);
    }

    /** The process running now (it changes with each restart). */
    ChildProcess current() {
        return current;
    }

    /** How many times the function's process was replaced. */
    synchronized int restarts() {
        return restarts;
    }

    private void watch(ChildProcess process) {
        current = process;
        startedAt = Instant.now();
        long pid = process.pid();
        process.onUnexpectedExit(code -> exited(pid, code));
    }

    private synchronized void exited(long pid, int code) {
        if (closed) {
            return;
        }
        runtime.functionExited("Runtime exited with error: exit status " + code + " (process " + pid + ")");
        boolean healthy = Duration.between(startedAt, Instant.now()).compareTo(HEALTHY_AFTER) >= 0;
        restartsInARow = healthy ? 1 : restartsInARow + 1;
        Duration backoff = backoff(restartsInARow);
        String line = name + " (pid " + pid + ") exited with code " + code + ": restarting in " + backoff.toMillis()
                + " ms (restart " + (restarts + 1) + ")";
        console.println(line);
        runtime.note("RESTART " + line);
        scheduler.schedule(this::restart, backoff.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void restart() {
        if (closed) {
            return;
        }
        restarts++;
        try {
            watch(current.startAgain());
        } catch (LocalStackException e) {
            console.println(name + " could not be restarted: " + e.getMessage());
            exited(-1, -1);
        }
    }

    static Duration backoff(int restartsInARow) {
        long millis = FIRST_BACKOFF.toMillis() << Math.min(Math.max(0, restartsInARow - 1), 10);
        return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
    }

    @Override
    public synchronized void close() {
        closed = true;
        scheduler.shutdownNow();
        current.close();
    }
}
