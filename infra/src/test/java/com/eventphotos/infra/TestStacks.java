package com.eventphotos.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Code;

/** The stack as the tests synthesize it: placeholder Lambda packages, the API's real OpenAPI document. */
final class TestStacks {

    static final String WEB_ORIGIN = "https://photos.example.com";
    static final String ALARM_EMAIL = "ops@example.com";
    static final int PROCESSOR_CONCURRENCY = 7;

    private TestStacks() {}

    /** The routes of the API as built ({@code initiate-upload-api/target/openapi/openapi.json}). */
    static ApiRoutes builtApiRoutes() {
        return ApiRoutes.fromDocument(ApiRoutes.BUILT_DOCUMENT);
    }

    /** The "test" stage's template (each call synthesizes it; {@link SynthesizedStack} keeps one). */
    static Template template() {
        return Template.fromStack(synthesize("test"));
    }

    static EventPhotosStack synthesize(String stage) {
        return synthesize(stage, builtApiRoutes());
    }

    /** A stack with cdk-nag's checks applied, as {@code cdk synth} makes it. */
    static EventPhotosStack synthesize(String stage, ApiRoutes routes) {
        Code placeholder = Code.fromAsset(placeholderPackage().toString());
        EventPhotosStack stack = new EventPhotosStack(
                new App(),
                "Test",
                StackProps.builder()
                        .env(Environment.builder()
                                .account("123456789012")
                                .region("eu-central-1")
                                .build())
                        .build(),
                new EventPhotosSettings(
                        stage,
                        List.of(WEB_ORIGIN),
                        "event-photos-test-123",
                        null,
                        null,
                        placeholder,
                        placeholder,
                        placeholder,
                        placeholder,
                        ALARM_EMAIL,
                        PROCESSOR_CONCURRENCY,
                        routes,
                        EventPhotosSettings.DEFAULT_UPLOAD_DELAY_ALARM_MILLIS));
        Compliance.check(stack);
        return stack;
    }

    private static Path placeholderPackage() {
        try {
            Path dummyPackage = Files.createTempDirectory("lambda-package");
            Files.writeString(dummyPackage.resolve("placeholder.txt"), "the real function.zip is used by cdk deploy");
            return dummyPackage;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
