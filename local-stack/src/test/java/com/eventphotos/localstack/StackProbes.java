package com.eventphotos.localstack;

import java.util.ArrayList;
import java.util.List;

/** What the end-to-end and fault tests look at and do in a running {@link LocalStack}, beside the local run's own. */
final class StackProbes {

    private StackProbes() {}

    /** Stops the API and starts it again on its port, as a deploy or a crash would. */
    static void restartApi(LocalStack stack) {
        synchronized (stack) {
            ChildProcess old = stack.api;
            old.close();
            ChildProcess again = old.startAgain();
            Readiness.awaitHttp200OrStop(again, stack.apiUrl() + "/q/health/ready", LocalStack.APP_START_TIMEOUT);
            stack.replaceApi(again);
        }
    }

    static long s3ServerPid(LocalStack stack) {
        return stack.s3.pid();
    }

    static long processorPid(LocalStack stack) {
        return processor(stack).supervisor().current().pid();
    }

    static long apiPid(LocalStack stack) {
        return stack.api.pid();
    }

    /** Invocations the processor holds now. */
    static int processorInvocationsInFlight(LocalStack stack) {
        return processor(stack).runtime().inFlight();
    }

    /** How often the processor's process was replaced. */
    static int processorRestarts(LocalStack stack) {
        return processor(stack).supervisor().restarts();
    }

    /** Asynchronous invocations of the processor that failed three times. */
    static int deadLetteredEvents(LocalStack stack) {
        return processor(stack).runtime().deadLettered();
    }

    /** Every loopback port the stack listens on (for checks that nothing is left listening). */
    static List<Integer> ports(LocalStack stack) {
        List<Integer> ports = new ArrayList<>(List.of(
                stack.apiPort,
                stack.s3.endpoint().getPort(),
                stack.dynamoDb.endpoint().getPort(),
                stack.keycloak.port(),
                stack.cdn.port(),
                stack.sqs.endpoint().getPort(),
                stack.web.port()));
        stack.runtimes.values().forEach(runtime -> ports.add(runtime.port()));
        return ports;
    }

    private static LocalFunction.Running processor(LocalStack stack) {
        return stack.functions.get(LocalFunction.PROCESSOR);
    }
}
