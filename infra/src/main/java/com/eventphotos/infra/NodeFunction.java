package com.eventphotos.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.logs.LogGroup;

/**
 * A small Node.js function of the stack (the authorizers): {@code index.handler} of a resource folder, on
 * {@link LambdaRuntimes#NODE}, with a log group of its own and a role that may write there and do only what
 * {@code grants} add. Logical ids: {@code {id}}, {@code {id}Role}, {@code {id}Logs}.
 */
final class NodeFunction {

    private NodeFunction() {}

    static Function create(
            Stack stack,
            String id,
            String description,
            Path code,
            Map<String, String> environment,
            List<PolicyStatement> grants) {
        LogGroup logs = LogGroup.Builder.create(stack, id + "Logs")
                .retention(Operations.LOG_RETENTION)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        Role role = Role.Builder.create(stack, id + "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .build();
        List<PolicyStatement> statements = new ArrayList<>(List.of(PolicyStatement.Builder.create()
                .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                .resources(List.of(logs.getLogGroupArn()))
                .build()));
        statements.addAll(grants);
        statements.forEach(role::addToPolicy);
        return Function.Builder.create(stack, id)
                .description(description)
                .runtime(LambdaRuntimes.NODE)
                .architecture(Architecture.ARM_64)
                .handler("index.handler")
                .code(Code.fromAsset(code.toString()))
                .memorySize(256)
                .timeout(Duration.seconds(5))
                .role(role)
                .logGroup(logs)
                .environment(environment)
                .build();
    }
}
