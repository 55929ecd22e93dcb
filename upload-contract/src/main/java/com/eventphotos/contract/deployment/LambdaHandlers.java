package com.eventphotos.contract.deployment;

/** The handler string Lambda is given for both functions: infra deploys with it, the local stack runs with it. */
public final class LambdaHandlers {

    /** Quarkus' entry point; it dispatches to the function named by {@code quarkus.lambda.handler}. */
    public static final String QUARKUS = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

    private LambdaHandlers() {}
}
