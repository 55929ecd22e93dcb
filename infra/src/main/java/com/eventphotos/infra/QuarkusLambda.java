package com.eventphotos.infra;

import java.util.List;
import java.util.Map;

import com.eventphotos.contract.deployment.FunctionSpec;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.CfnFunction;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.ILayerVersion;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * A Quarkus application as a Java Lambda on {@link LambdaRuntimes#JAVA}, shaped by its {@link FunctionSpec} (handler,
 * memory, timeout, environment names, reserved concurrency): its own role that may only write its own log group (no managed
 * policy with wildcard resources), SnapStart on published versions, and a "live" alias that callers use
 * so they always hit a snapshotted version.
 */
public class QuarkusLambda extends Construct {

    private final LogGroup logs;
    private final Role role;
    private final Function function;
    private final Alias live;

    public QuarkusLambda(Construct scope, String id, Code code, FunctionSpec spec, Map<String, String> environment) {
        this(scope, id, code, List.of(), spec, environment);
    }

    /** @param layers mounted under /opt (a layer's lib/ is on the library path) */
    public QuarkusLambda(
            Construct scope,
            String id,
            Code code,
            List<ILayerVersion> layers,
            FunctionSpec spec,
            Map<String, String> environment) {
        super(scope, id);
        logs = LogGroup.Builder.create(this, "Logs")
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .build();
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                .resources(List.of(logs.getLogGroupArn()))
                .build());
        function = Function.Builder.create(this, "Function")
                .runtime(LambdaRuntimes.JAVA)
                .layers(layers)
                .architecture(Architecture.X86_64)
                .handler(spec.handler())
                .code(code)
                .memorySize(spec.memoryMb())
                .timeout(Duration.seconds(spec.timeout().toSeconds()))
                .role(role)
                .logGroup(logs)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .environment(spec.requireKnown(environment))
                .build();
        if (spec.reservedConcurrency() != null) {
            ((CfnFunction) function.getNode().getDefaultChild())
                    .setReservedConcurrentExecutions(spec.reservedConcurrency());
        }
        live = Alias.Builder.create(this, "Live")
                .aliasName("live")
                .version(function.getCurrentVersion())
                .build();
    }

    public void allow(PolicyStatement statement) {
        role.addToPolicy(statement);
    }

    public LogGroup logs() {
        return logs;
    }

    public Role role() {
        return role;
    }

    public Function function() {
        return function;
    }

    public Alias live() {
        return live;
    }
}
