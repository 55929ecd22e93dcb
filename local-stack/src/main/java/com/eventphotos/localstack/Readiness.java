package com.eventphotos.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import com.eventphotos.emulators.PortTakenException;

/**
 * Waits for a component to answer, failing with its name and log tail when it dies or takes too long; a
 * {@link PortTakenException} when it died because its port was taken, so it can be started on another.
 */
public final class Readiness {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    private Readiness() {}

    public static void awaitHttp200(ChildProcess process, String url, Duration timeout) {
        await(process, () -> returns200(url), timeout, "did not answer " + url);
    }

    /** As {@link #awaitHttp200}, but stops the process when it does not get ready, so a retry leaves nothing behind. */
    public static ChildProcess awaitHttp200OrStop(ChildProcess process, String url, Duration timeout) {
        try {
            awaitHttp200(process, url, timeout);
            return process;
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
    }

    static void await(ChildProcess process, BooleanSupplier ready, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (ready.getAsBoolean()) {
                return;
            }
            if (!process.isAlive()) {
                String message =
                        process.name() + " exited during start; " + process.log() + " ends with:\n" + process.logTail();
                throw process.logShowsPortTaken()
                        ? new PortTakenException(message, null)
                        : new LocalStackException(message);
            }
            sleep(250);
        }
        throw new LocalStackException(process.name() + " " + what + " within " + timeout.toSeconds() + " s; see "
                + process.log() + ":\n" + process.logTail());
    }

    static boolean returns200(String url) {
        try {
            HttpResponse<Void> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(REQUEST_TIMEOUT)
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("interrupted while starting", e);
        }
    }
}
