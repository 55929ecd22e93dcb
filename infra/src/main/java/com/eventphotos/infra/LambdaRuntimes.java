package com.eventphotos.infra;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import software.amazon.awscdk.services.lambda.Runtime;

/**
 * Which Lambda runtime our functions use, and when AWS stops each runtime a function of this stack could be on
 * (ours and the ones CDK's helper functions bring). One place, so a runtime that AWS retires fails a synth test
 * before it fails a deploy.
 *
 * <p>Dates are AWS's Lambda runtime deprecation schedule (docs: "Lambda runtimes", Supported and Deprecated
 * runtimes), as cfn-lint 1.51 ships it in {@code LmbdRuntimeLifecycle.json}: after {@code createBlocked} no new
 * function can be created on the runtime, after {@code updateBlocked} none can be updated.
 */
public final class LambdaRuntimes {

    /**
     * Both functions: the newest Java runtime (cdk-nag AwsSolutions-L1 asks for the newest of its family), on Amazon
     * Linux 2023, whose glibc 2.34 the processor's libvips needs (at least 2.28). The code stays Java 17 bytecode; the
     * local stack runs it on the build's JDK (docs/deployment.md: what differs in AWS).
     */
    public static final Runtime JAVA = Runtime.JAVA_25;

    /** The token authorizer: the newest Node.js runtime (its AWS SDK v3 includes the KMS client). */
    public static final Runtime NODE = Runtime.NODEJS_24_X;

    public record Lifecycle(LocalDate deprecated, LocalDate createBlocked, LocalDate updateBlocked) {}

    static final Map<String, Lifecycle> LIFECYCLES = Map.ofEntries(
            Map.entry("java8.al2", lifecycle("2026-06-30", "2026-07-31", "2026-08-31")),
            Map.entry("java11", lifecycle("2026-06-30", "2026-07-31", "2026-08-31")),
            Map.entry("java17", lifecycle("2026-06-30", "2026-07-31", "2026-08-31")),
            Map.entry("java21", lifecycle("2029-06-30", "2029-07-31", "2029-08-31")),
            Map.entry("java25", lifecycle("2029-06-30", "2029-07-31", "2029-08-31")),
            Map.entry("python3.9", lifecycle("2025-12-15", "2026-06-01", "2026-07-01")),
            Map.entry("python3.10", lifecycle("2026-06-30", "2026-07-31", "2026-08-31")),
            Map.entry("python3.11", lifecycle("2026-06-30", "2026-07-31", "2026-08-31")),
            Map.entry("python3.12", lifecycle("2028-10-31", "2028-11-30", "2029-01-10")),
            Map.entry("python3.13", lifecycle("2029-06-30", "2029-07-31", "2029-08-31")),
            Map.entry("python3.14", lifecycle("2029-06-30", "2029-07-31", "2029-08-31")),
            Map.entry("nodejs18.x", lifecycle("2025-09-01", "2026-06-01", "2026-07-01")),
            Map.entry("nodejs20.x", lifecycle("2026-04-30", "2026-06-01", "2026-07-01")),
            Map.entry("nodejs22.x", lifecycle("2027-04-30", "2027-06-01", "2027-07-01")),
            Map.entry("nodejs24.x", lifecycle("2028-04-30", "2028-06-01", "2028-07-01")));

    private LambdaRuntimes() {}

    /** Empty for a runtime this list does not know: treated as unsupported, so the list is kept up to date. */
    public static Optional<Lifecycle> lifecycle(String runtime) {
        return Optional.ofNullable(LIFECYCLES.get(runtime));
    }

    /** Whether a function on {@code runtime} can still be created on {@code day} and is not deprecated yet. */
    public static boolean supportedOn(String runtime, LocalDate day) {
        return lifecycle(runtime).map(l -> day.isBefore(l.deprecated())).orElse(false);
    }

    private static Lifecycle lifecycle(String deprecated, String createBlocked, String updateBlocked) {
        return new Lifecycle(
                LocalDate.parse(deprecated), LocalDate.parse(createBlocked), LocalDate.parse(updateBlocked));
    }
}
