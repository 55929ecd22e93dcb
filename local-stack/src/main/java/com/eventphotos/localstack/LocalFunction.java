package com.eventphotos.localstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import com.eventphotos.contract.deployment.FunctionSpec;

/**
 * A Lambda function the local stack runs as Lambda does: its function.zip unpacked and run by AWS's runtime interface
 * client against a local runtime API of its own, supervised (restarted when its process dies). Started, awaited and
 * supervised here for every function; what differs between functions is this data.
 *
 * @param label its name on the console and in restart lines ("processor")
 * @param runtimePort its runtime API's port (0: any)
 * @param runtimeLog the runtime API's log, in the log directory
 * @param functionZip where the build put its package
 * @param taskDir where it is unpacked, in the work directory
 * @param log the function's own output, in the log directory
 * @param notPolling the failure when its process never asks for an invocation
 * @param environment its variables once the servers it uses run
 * @param feed what hands it its events besides the S3 server's notifications (an SQS event source), or null
 * @param startedLine the console line once it polls; {@code %d} is its runtime API's port
 */
record LocalFunction(
        FunctionSpec spec,
        String label,
        ToIntFunction<LocalStackConfig> runtimePort,
        String runtimeLog,
        Function<BuiltArtifacts, Path> functionZip,
        String taskDir,
        String log,
        String notPolling,
        Function<LocalStack, Map<String, String>> environment,
        BiFunction<LocalStack, LocalLambdaRuntime, AutoCloseable> feed,
        String startedLine) {

    /** The upload processor, notified by the S3 server of every upload created or removed. */
    static final LocalFunction PROCESSOR = new LocalFunction(
            FunctionSpec.PROCESSOR,
            "processor",
            LocalStackConfig::lambdaRuntimePort,
            "lambda-runtime.log",
            BuiltArtifacts::processorPackage,
            "processor-task",
            "processor.log",
            "did not poll the Lambda runtime API",
            AppEnvironments::processor,
            null,
            "processor (Lambda handler) polling the local Lambda runtime API on port %d");
    /** The export worker, fed by the export queue. */
    static final LocalFunction EXPORT_WORKER = new LocalFunction(
            FunctionSpec.EXPORT_WORKER,
            "export worker",
            config -> 0,
            "export-runtime.log",
            BuiltArtifacts::exportPackage,
            "export-task",
            "export-worker.log",
            "did not poll its runtime API",
            AppEnvironments::exportWorker,
            ExportQueue::eventSource,
            "export worker (Lambda handler) fed by the export queue");
    /** Every function the stack runs, in start order: adding one is a line above and its name here. */
    static final List<LocalFunction> ALL = List.of(PROCESSOR, EXPORT_WORKER);

    /** The function's runtime API, the supervisor of its current process, and what feeds it (or null). */
    record Running(LocalLambdaRuntime runtime, FunctionSupervisor supervisor, AutoCloseable feed)
            implements AutoCloseable {

        @Override
        public void close() throws Exception {
            try (supervisor) {
                if (feed != null) {
                    feed.close();
                }
            }
        }
    }

    /** Its runtime API, listening: started before the servers, since the S3 server notifies the processor's. */
    LocalLambdaRuntime startRuntime(LocalStackConfig config) {
        return LocalLambdaRuntime.start(
                runtimePort.applyAsInt(config), config.logDir(), LocalLambdaRuntime.Function.of(spec, runtimeLog));
    }

    /** Its process, once it polls {@code runtime} (stopped again if it does not), then what feeds it. */
    Running start(
            LocalStack stack,
            LocalStackConfig config,
            BuiltArtifacts artifacts,
            LocalLambdaRuntime runtime,
            PrintStream progress) {
        ChildProcess process = LambdaFunction.start(
                spec,
                functionZip.apply(artifacts),
                config.workDir().resolve(taskDir),
                artifacts.runtimeClient(),
                runtime.runtimeApiAddress(),
                environment.apply(stack),
                List.of(),
                config.logDir().resolve(log));
        try {
            Readiness.await(process, runtime::functionIsPolling, LocalStack.APP_START_TIMEOUT, notPolling);
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
        FunctionSupervisor supervisor = new FunctionSupervisor(label, process, runtime, progress);
        AutoCloseable fed;
        try {
            fed = feed == null ? null : feed.apply(stack, runtime);
        } catch (RuntimeException e) {
            supervisor.close();
            throw e;
        }
        progress.println(startedLine.formatted(runtime.port()));
        return new Running(runtime, supervisor, fed);
    }
}
