package com.eventphotos.localstack;

import java.time.Duration;
import java.util.List;

import com.eventphotos.contract.deployment.ExportWorkerEnvironment;
import com.eventphotos.emulators.LocalSqs;

/** The export jobs' queue as in AWS: ElasticMQ with a dead-letter queue, and the event source that feeds the worker. */
final class ExportQueue {

    /**
     * In AWS a failed export message is hidden for six function timeouts (30 min); locally it comes back sooner, after
     * the lease of the worker that failed ({@link AppEnvironments#EXPORT_LEASE}) has run out, so a crashed worker's
     * export resumes within a minute.
     */
    static final Duration VISIBILITY_TIMEOUT = Duration.ofSeconds(45);

    private ExportQueue() {}

    /** ElasticMQ with the export queue and its dead letters, in the stack's work folder. */
    static LocalSqs start(LocalStackConfig config) {
        return LocalSqs.start(
                0,
                config.workDir().resolve("sqs"),
                List.of(
                        new LocalSqs.Queue(
                                LocalStackConfig.EXPORT_QUEUE,
                                VISIBILITY_TIMEOUT,
                                LocalStackConfig.EXPORT_DEAD_LETTERS,
                                Integer.parseInt(ExportWorkerEnvironment.MAX_RECEIVE_COUNT)),
                        LocalSqs.Queue.plain(LocalStackConfig.EXPORT_DEAD_LETTERS)));
    }

    /** As Lambda's event source mapping: the queue's messages, one at a time, to the function behind {@code runtime}. */
    static AutoCloseable eventSource(LocalStack stack, LocalLambdaRuntime runtime) {
        return new SqsEventSource(
                stack.sqs.newClient(),
                stack.sqs.queueUrl(LocalStackConfig.EXPORT_QUEUE),
                "arn:aws:sqs:us-east-1:000000000000:" + LocalStackConfig.EXPORT_QUEUE,
                runtime);
    }
}
