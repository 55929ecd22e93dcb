package com.eventphotos.infra;

import java.util.List;

import com.eventphotos.contract.Renditions;
import com.eventphotos.contract.UploadKey;
import com.eventphotos.contract.deployment.FunctionSpec;
import com.eventphotos.contract.deployment.ProcessorEnvironment;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.EventInvokeConfigOptions;
import software.amazon.awscdk.services.lambda.LayerVersion;
import software.amazon.awscdk.services.lambda.destinations.SqsDestination;
import software.amazon.awscdk.services.s3.EventType;
import software.amazon.awscdk.services.s3.NotificationKeyFilter;
import software.amazon.awscdk.services.s3.notifications.LambdaDestination;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;

/**
 * The processor: a Lambda with the libvips layer, notified by the bucket of every upload created or removed under
 * {@code uploads/}, retried twice by Lambda's asynchronous invocation and then parked in a dead-letter queue.
 */
final class UploadProcessor {

    /** Where the libvips layer's library is once Lambda mounts the layer under /opt. */
    static final String LIBVIPS_LAYER_PATH = "/opt/lib/libvips-cpp.so";

    private final QuarkusLambda function;
    private final Queue failedEvents;

    UploadProcessor(Stack stack, EventPhotosSettings settings, PhotoStorage storage, PhotoTables tables) {
        LayerVersion libvips = LayerVersion.Builder.create(stack, "Libvips")
                .description("libvips 8.18 as sharp ships it (LGPL-3.0-or-later; notices in lib/libvips-NOTICE.txt)")
                .code(settings.libvipsLayer())
                .compatibleRuntimes(List.of(LambdaRuntimes.JAVA))
                .compatibleArchitectures(List.of(Architecture.X86_64))
                .license("LGPL-3.0-or-later")
                .build();
        function = new QuarkusLambda(
                stack,
                "UploadProcessor",
                settings.processorCode(),
                List.of(libvips),
                FunctionSpec.PROCESSOR,
                new ProcessorEnvironment(
                                storage.bucket().getBucketName(),
                                tables.photos().getTableName(),
                                "https://" + storage.cdn().getDistributionDomainName(),
                                LIBVIPS_LAYER_PATH,
                                storage.cdn().getDistributionId())
                        .variables());
        grant(stack, storage, tables);
        failedEvents = Queue.Builder.create(stack, "FailedUploadEvents")
                .retentionPeriod(Duration.days(14))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
        function.live()
                .configureAsyncInvoke(EventInvokeConfigOptions.builder()
                        .onFailure(new SqsDestination(failedEvents))
                        .retryAttempts(2)
                        .maxEventAge(Duration.hours(6))
                        .build());
        // Created: verify and publish; removed: finish a deletion (tombstone, renditions, CDN invalidation).
        for (EventType type : List.of(EventType.OBJECT_CREATED, EventType.OBJECT_REMOVED)) {
            storage.bucket()
                    .addEventNotification(
                            type,
                            new LambdaDestination(function.live()),
                            NotificationKeyFilter.builder()
                                    .prefix(UploadKey.PREFIX)
                                    .build());
        }
    }

    QuarkusLambda function() {
        return function;
    }

    Queue failedEvents() {
        return failedEvents;
    }

    private void grant(Stack stack, PhotoStorage storage, PhotoTables tables) {
        // Reads each upload (GetObject also authorises HeadObject); deletes the ones it rejects.
        function.allow(PolicyStatement.Builder.create()
                .actions(List.of("s3:GetObject", "s3:DeleteObject"))
                .resources(List.of(storage.bucket().arnForObjects(UploadKey.PREFIX + "*")))
                .build());
        // Without ListBucket, S3 answers a missing key with 403, not 404: a deleted upload would look like a
        // permission failure and be retried into the dead-letter queue.
        function.allow(PolicyStatement.Builder.create()
                .actions(List.of("s3:ListBucket"))
                .resources(List.of(storage.bucket().getBucketArn()))
                .build());
        // Publishes renditions; removes them again when their photo is deleted.
        function.allow(PolicyStatement.Builder.create()
                .actions(List.of("s3:PutObject", "s3:DeleteObject"))
                .resources(List.of(storage.bucket().arnForObjects(Renditions.PREFIX + "*")))
                .build());
        // Writes records; GetItem and UpdateItem to recognise and write tombstones.
        function.allow(PolicyStatement.Builder.create()
                .actions(List.of("dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:UpdateItem"))
                .resources(List.of(tables.photos().getTableArn()))
                .build());
        // Renditions are cached for a year: a deleted photo's are invalidated at this distribution only.
        function.allow(PolicyStatement.Builder.create()
                .actions(List.of("cloudfront:CreateInvalidation"))
                .resources(List.of("arn:aws:cloudfront::" + stack.getAccount() + ":distribution/"
                        + storage.cdn().getDistributionId()))
                .build());
    }
}
