package com.eventphotos.infra;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs one of the Node checks of an authorizer's own code ({@code src/test/node/}); fails with its output. */
final class NodeScripts {

    private NodeScripts() {}

    /** @return what it printed, once it exited with 0 */
    static String run(String script) throws Exception {
        Process node = new ProcessBuilder(System.getProperty("node.binary", "node"), "src/test/node/" + script)
                .redirectErrorStream(true)
                .start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(60, TimeUnit.SECONDS), output);
        assertEquals(0, node.exitValue(), output);
        return output;
    }
}
