package com.eventphotos.contract.deployment;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * One Lambda function as infra deploys it and the local stack runs it: handler, memory, timeout, the names of the
 * environment variables it is given, and the concurrency reserved for it. Infra builds each function from its spec
 * ({@code QuarkusLambda}); the local stack gives the function's JVM the same memory and its runtime API the same
 * timeout.
 *
 * @param name the function's module, also the local stack's name for it
 * @param environmentNames every variable its environment record may set (see {@link #requireKnown})
 * @param reservedConcurrency concurrent executions reserved for the function; null reserves none (the processor's
 *     can be set per deployment, infra's {@code EventPhotosSettings.processorConcurrency})
 */
public record FunctionSpec(
        String name,
        String handler,
        int memoryMb,
        Duration timeout,
        List<String> environmentNames,
        Integer reservedConcurrency) {

    /**
     * The upload processor. Memory sized from the rendition benchmark (docs/performance.md): memory also buys CPU,
     * and 2,048 MB gives more than one vCPU for libvips' threads; a 25 MiB upload needs the bytes plus a few decoded
     * frames.
     */
    public static final FunctionSpec PROCESSOR = new FunctionSpec(
            "process-uploaded-photo",
            LambdaHandlers.QUARKUS,
            2048,
            Duration.ofSeconds(60),
            List.of(
                    ProcessorEnvironment.BUCKET,
                    ProcessorEnvironment.TABLE,
                    ProcessorEnvironment.CDN_BASE_URL,
                    ProcessorEnvironment.LIBVIPS_PATH,
                    ProcessorEnvironment.CDN_DISTRIBUTION_ID,
                    ProcessorEnvironment.MALLOC_ARENA_MAX),
            null);

    /**
     * The export worker. Memory: one part (8 MiB) plus one original (at most 25 MiB) is what the worker holds; the
     * rest buys network and CPU (measured peak RSS: docs/exports.md). Timeout: an invocation stops at a part boundary
     * well before (ExportConfig's reserve).
     */
    public static final FunctionSpec EXPORT_WORKER = new FunctionSpec(
            "export-photos",
            LambdaHandlers.QUARKUS,
            512,
            Duration.ofMinutes(5),
            List.of(
                    ExportWorkerEnvironment.BUCKET,
                    ExportWorkerEnvironment.TABLE,
                    ExportWorkerEnvironment.EXPORTS_TABLE,
                    ExportWorkerEnvironment.EXPORT_QUEUE_URL),
            null);

    /** The upload API. Timeout under API Gateway's 29 s integration limit, so a slow call ends in the function. */
    public static final FunctionSpec API = new FunctionSpec(
            "initiate-upload-api",
            LambdaHandlers.QUARKUS,
            1024,
            Duration.ofSeconds(15),
            List.of(
                    ApiEnvironment.BUCKET,
                    ApiEnvironment.TABLE,
                    ApiEnvironment.EVENTS_TABLE,
                    ApiEnvironment.EXPORTS_TABLE,
                    ApiEnvironment.EXPORT_QUEUE_URL,
                    ApiEnvironment.REGION,
                    ApiEnvironment.ALLOWED_ORIGINS,
                    ApiEnvironment.OIDC_ISSUER,
                    ApiEnvironment.CLIENT_IDS,
                    ApiEnvironment.PAGE_TOKEN_KEY,
                    ApiEnvironment.GUEST_ISSUER,
                    ApiEnvironment.GUEST_KMS_KEY_ID),
            null);

    /** Every function, in the order infra creates them. */
    public static final List<FunctionSpec> ALL = List.of(PROCESSOR, EXPORT_WORKER, API);

    public FunctionSpec {
        environmentNames = List.copyOf(environmentNames);
        if (reservedConcurrency != null && reservedConcurrency < 1) {
            throw new IllegalArgumentException(name + ": reserved concurrency must be at least 1");
        }
    }

    /** The JVM heap limit Lambda's managed Java runtime sets: 85 % of the function's memory. */
    public int heapLimitMb() {
        return memoryMb * 85 / 100;
    }

    /** {@code environment}'s names, refused if one is not in {@link #environmentNames} (a typo, a stale name). */
    public <V> java.util.Map<String, V> requireKnown(java.util.Map<String, V> environment) {
        Set<String> unknown = new java.util.TreeSet<>(environment.keySet());
        unknown.removeAll(environmentNames);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    name + " is given environment variables its spec does not name: " + unknown);
        }
        return environment;
    }
}
