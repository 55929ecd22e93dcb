package com.eventphotos.localstack;

import java.nio.file.Path;
import java.util.List;

/** The packaged API (initiate-upload-api's jar, prod mode), as the stack runs it. */
final class ApiProcess {

    private ApiProcess() {}

    /** The API on {@code port}, once it is ready; stopped again if it is not. */
    static ChildProcess start(LocalStack stack, BuiltArtifacts artifacts, int port, List<String> webOrigins) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ChildProcess api = ChildProcess.start(
                "API",
                List.of(java, "-Xmx256m", "-jar", artifacts.apiJar().toString()),
                AppEnvironments.api(stack, port, webOrigins),
                stack.config.repositoryRoot().resolve("initiate-upload-api"),
                stack.config.logDir().resolve("api.log"));
        Readiness.awaitHttp200OrStop(api, "http://127.0.0.1:" + port + "/q/health/ready", LocalStack.APP_START_TIMEOUT);
        return api;
    }
}
