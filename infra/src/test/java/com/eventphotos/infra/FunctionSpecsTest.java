package com.eventphotos.infra;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.eventphotos.contract.deployment.FunctionSpec;
import com.eventphotos.contract.deployment.LiveEventsEnvironment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each Quarkus function in the template is shaped by its spec in upload-contract, and by nothing else. */
class FunctionSpecsTest extends SynthesizedStack {

    private static final Map<String, FunctionSpec> CONSTRUCTS = Map.of(
            "UploadProcessor", FunctionSpec.PROCESSOR,
            "ExportPhotos", FunctionSpec.EXPORT_WORKER,
            "UploadApi", FunctionSpec.API);

    @Test
    void everyFunction_shouldHaveItsSpecsHandlerMemoryTimeoutAndEnvironmentNames() {
        assertEquals(Set.copyOf(FunctionSpec.ALL), Set.copyOf(CONSTRUCTS.values()), "one construct per spec");
        CONSTRUCTS.forEach((construct, spec) -> {
            Map<String, Object> function =
                    CloudFormation.properties(resources.get(CloudFormation.functionOf(resources, construct)));
            assertEquals(spec.handler(), function.get("Handler"), construct);
            assertEquals(spec.memoryMb(), ((Number) function.get("MemorySize")).intValue(), construct);
            assertEquals(spec.timeout().toSeconds(), ((Number) function.get("Timeout")).longValue(), construct);
            @SuppressWarnings("unchecked")
            Map<String, Object> variables =
                    (Map<String, Object>) ((Map<String, Object>) function.get("Environment")).get("Variables");
            Set<String> unnamed = new TreeSet<>(variables.keySet());
            unnamed.removeAll(spec.environmentNames());
            // infra adds where the Event API is to the functions that publish to it
            unnamed.removeAll(Set.of(LiveEventsEnvironment.HTTP_URL, LiveEventsEnvironment.REALTIME_URL));
            assertTrue(unnamed.isEmpty(), construct + " has variables its spec does not name: " + unnamed);
        });
    }
}
