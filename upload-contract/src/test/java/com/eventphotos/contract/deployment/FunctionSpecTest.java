package com.eventphotos.contract.deployment;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each function's environment record sets exactly the names its spec lists, and an unknown name is refused. */
class FunctionSpecTest {

    @Test
    void environmentRecords_shouldSetTheNamesTheirSpecsList() {
        assertEquals(
                FunctionSpec.PROCESSOR.environmentNames(),
                List.copyOf(new ProcessorEnvironment("b", "t", "https://cdn", "/lib", "dist")
                        .variables()
                        .keySet()));
        assertEquals(
                FunctionSpec.EXPORT_WORKER.environmentNames(),
                List.copyOf(new ExportWorkerEnvironment("b", "t", "e", "q")
                        .variables()
                        .keySet()));
        assertEquals(
                FunctionSpec.API.environmentNames(),
                List.copyOf(new ApiEnvironment(
                                "b", "t", "e", "x", "q", "r", List.of("o"), "i", List.of("c"), "k", "g", "kms")
                        .variables()
                        .keySet()));
    }

    @Test
    void requireKnown_shouldRefuseANameTheSpecDoesNotList() {
        assertThrows(
                IllegalArgumentException.class,
                () -> FunctionSpec.PROCESSOR.requireKnown(Map.of("EVENT_PHOTOS_TYPO", "x")));
    }

    @Test
    void visibilityTimeout_shouldBeSixExportWorkerTimeouts() {
        assertEquals(FunctionSpec.EXPORT_WORKER.timeout().multipliedBy(6), ExportWorkerEnvironment.VISIBILITY_TIMEOUT);
    }
}
