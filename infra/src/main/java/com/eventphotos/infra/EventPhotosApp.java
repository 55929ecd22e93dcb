package com.eventphotos.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.lambda.Code;

/**
 * {@code cdk deploy} entry point. Context (cdk.json or {@code -c key=value}):
 * stage, webOrigins (comma-separated), authDomainPrefix, apiDomainName + apiCertificateArn (optional),
 * apiPackage, processorPackage and exportPackage (paths of the three function.zip files), libvipsLayer (the processor's layer folder),
 * alarmEmail (optional), processorConcurrency (optional: executions reserved for the processor, e.g. 10),
 * apiDocument (the API's OpenAPI document, whose endpoints are routed), uploadDelayAlarmMillis (optional).
 * cdk-nag's AwsSolutions checks run on every synthesis ({@link Compliance}): an unsuppressed error fails it.
 */
public final class EventPhotosApp {

    private EventPhotosApp() {}

    public static void main(String[] args) {
        App app = new App();
        String stage = context(app, "stage", "dev");
        EventPhotosSettings settings = new EventPhotosSettings(
                stage,
                split(context(app, "webOrigins", "http://localhost:5173")),
                context(
                        app,
                        "authDomainPrefix",
                        "event-photos-" + stage + "-" + System.getenv().getOrDefault("CDK_DEFAULT_ACCOUNT", "local")),
                context(app, "apiDomainName", null),
                context(app, "apiCertificateArn", null),
                lambdaPackage(context(app, "apiPackage", "../initiate-upload-api/target/lambda/function.zip")),
                lambdaPackage(context(app, "processorPackage", "../process-uploaded-photo/target/function.zip")),
                lambdaPackage(context(app, "exportPackage", "../export-photos/target/function.zip")),
                lambdaPackage(
                        context(app, "libvipsLayer", "../process-uploaded-photo/target/libvips-layer"),
                        "lib/libvips-cpp.so"),
                context(app, "alarmEmail", null),
                Optional.ofNullable(context(app, "processorConcurrency", null))
                        .map(Integer::valueOf)
                        .orElse(null),
                ApiRoutes.fromDocument(Path.of(context(app, "apiDocument", ApiRoutes.BUILT_DOCUMENT.toString()))),
                Long.parseLong(context(
                        app,
                        "uploadDelayAlarmMillis",
                        Long.toString(EventPhotosSettings.DEFAULT_UPLOAD_DELAY_ALARM_MILLIS))));
        EventPhotosStack stack = new EventPhotosStack(
                app,
                "EventPhotos-" + stage,
                StackProps.builder()
                        .env(Environment.builder()
                                .account(System.getenv("CDK_DEFAULT_ACCOUNT"))
                                .region(System.getenv("CDK_DEFAULT_REGION"))
                                .build())
                        .description("event-photos (" + stage + "): browser uploads to S3, photo records, CDN")
                        .build(),
                settings);
        Compliance.check(stack);
        app.synth();
    }

    private static String context(App app, String key, String fallback) {
        Object value = app.getNode().tryGetContext(key);
        return value == null || value.toString().isBlank() ? fallback : value.toString();
    }

    private static Code lambdaPackage(String path) {
        return lambdaPackage(path, "");
    }

    /** @param required a file the package must contain ("" when {@code path} is the package file itself) */
    private static Code lambdaPackage(String path, String required) {
        if (!Files.isRegularFile(Path.of(path).resolve(required))) {
            throw new IllegalStateException(
                    path + " is missing: build both Lambda packages first (docs/deployment.md)");
        }
        return Code.fromAsset(path);
    }

    static List<String> split(String csv) {
        return Arrays.stream(csv.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
