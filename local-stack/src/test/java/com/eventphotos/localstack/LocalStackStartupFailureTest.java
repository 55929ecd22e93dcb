package com.eventphotos.localstack;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.eventphotos.emulators.RepositoryPaths;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalStackStartupFailureTest {

    private final Path root = RepositoryPaths.find("local-stack").getParent();

    @Test
    void start_shouldNameTheTakenPortAndHowToChooseAnother_whenADefaultPortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            LocalStackConfig config =
                    LocalStackConfig.fromEnvironment(root, Map.of("EVENT_PHOTOS_API_PORT", Integer.toString(port)));
            LocalStackException e = assertThrows(
                    LocalStackException.class,
                    () -> LocalStack.start(config, new PrintStream(new ByteArrayOutputStream())));
            assertTrue(e.getMessage().contains("port " + port + " (API) is already in use"), e.getMessage());
            assertTrue(e.getMessage().contains("EVENT_PHOTOS_API_PORT"), e.getMessage());
        }
    }

    @Test
    void start_shouldSayWhatIsMissing_whenNothingWasBuilt() throws Exception {
        Path emptyCheckout = Files.createTempDirectory("no-build");
        LocalStackException e = assertThrows(
                LocalStackException.class,
                () -> LocalStack.start(
                        LocalStackConfig.onFreePorts(emptyCheckout, emptyCheckout.resolve("work")),
                        new PrintStream(new ByteArrayOutputStream())));
        assertTrue(e.getMessage().contains("./mvnw install -DskipTests"), e.getMessage());
        for (String piece :
                List.of("quarkus-run.jar", "function.zip", "libvips-cpp.so", "web-client/dist", "keycloak-")) {
            assertTrue(e.getMessage().contains(piece), "names " + piece + ": " + e.getMessage());
        }
    }

    @Test
    void fromEnvironment_shouldFail_whenAPortIsNotANumber() {
        LocalStackException e = assertThrows(
                LocalStackException.class,
                () -> LocalStackConfig.fromEnvironment(root, Map.of("EVENT_PHOTOS_S3_PORT", "eighty")));
        assertTrue(e.getMessage().contains("EVENT_PHOTOS_S3_PORT"), e.getMessage());
    }
}
