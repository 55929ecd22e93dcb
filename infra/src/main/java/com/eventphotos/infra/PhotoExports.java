package com.eventphotos.infra;

import java.util.List;

import com.eventphotos.contract.PhotoTable;
import com.eventphotos.contract.UploadKey;
import com.eventphotos.contract.deployment.ExportWorkerEnvironment;
import com.eventphotos.contract.deployment.FunctionSpec;
import com.eventphotos.contract.export.ExportKeys;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;

/**
 * Exports: the API queues a job, the worker Lambda builds its ZIP archives from the originals into {@code exports/}
 * (an S3 multipart upload, part by part, resuming from the job's checkpoint), the bucket deletes them after 7 days.
 * A message that fails {@link ExportWorkerEnvironment#MAX_RECEIVE_COUNT} times lands in a dead-letter queue.
 */
final class PhotoExports {

    private final Queue jobs;
    private final Queue deadLetters;
    private final QuarkusLambda worker;
    private final PhotoTables tables;
    private final PhotoStorage storage;

    PhotoExports(Stack stack, EventPhotosSettings settings, PhotoStorage storage, PhotoTables tables) {
        this.tables = tables;
        this.storage = storage;
        deadLetters = Queue.Builder.create(stack, "ExportDeadLetters")
                .retentionPeriod(Duration.days(14))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
        jobs = Queue.Builder.create(stack, "ExportJobs")
                .visibilityTimeout(Duration.seconds(ExportWorkerEnvironment.VISIBILITY_TIMEOUT.toSeconds()))
                .retentionPeriod(Duration.days(4))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .deadLetterQueue(DeadLetterQueue.builder()
                        .queue(deadLetters)
                        .maxReceiveCount(Integer.parseInt(ExportWorkerEnvironment.MAX_RECEIVE_COUNT))
                        .build())
                .build();
        worker = new QuarkusLambda(
                stack,
                "ExportPhotos",
                settings.exportCode(),
                FunctionSpec.EXPORT_WORKER,
                new ExportWorkerEnvironment(
                                storage.bucket().getBucketName(),
                                tables.photos().getTableName(),
                                tables.exports().getTableName(),
                                jobs.getQueueUrl())
                        .variables());
        // one job per invocation; a failed one is retried alone (partial batch response), from its checkpoint
        worker.live()
                .addEventSource(SqsEventSource.Builder.create(jobs)
                        .batchSize(1)
                        .reportBatchItemFailures(true)
                        .build());
        grantWorker();
    }

    Queue jobs() {
        return jobs;
    }

    Queue deadLetters() {
        return deadLetters;
    }

    QuarkusLambda worker() {
        return worker;
    }

    /** What the API needs to start exports and hand out their archives' links. */
    void allowStartingFrom(QuarkusLambda api) {
        api.allow(PolicyStatement.Builder.create()
                .actions(List.of("sqs:SendMessage"))
                .resources(List.of(jobs.getQueueArn()))
                .build());
        // the job and the event's #active item, written in one transaction; read and listed; withdrawn (conditional
        // update) when a photo in it is deleted
        api.allow(PolicyStatement.Builder.create()
                .actions(PhotoTables.ITEM_ACTIONS)
                .resources(List.of(tables.exports().getTableArn()))
                .build());
        // an archive's presigned link can grant no more than its signer's role may; a withdrawn export's plan is read
        // and its archives deleted, so links handed out before fail at S3
        api.allow(PolicyStatement.Builder.create()
                .actions(List.of("s3:GetObject", "s3:DeleteObject"))
                .resources(List.of(storage.bucket().arnForObjects(ExportKeys.PREFIX + "*")))
                .build());
        // without ListBucket S3 answers a plan already removed with 403, not 404 (a condition on s3:prefix would not
        // apply to a GetObject, so it is the bucket's)
        api.allow(PolicyStatement.Builder.create()
                .actions(List.of("s3:ListBucket"))
                .resources(List.of(storage.bucket().getBucketArn()))
                .build());
    }

    private void grantWorker() {
        // which photos an export holds: the members' index of the photo table, nothing else of it
        worker.allow(PolicyStatement.Builder.create()
                .actions(List.of("dynamodb:Query"))
                .resources(List.of(tables.photos().getTableArn() + "/index/" + PhotoTable.VISIBLE_BY_UPLOAD_TIME_INDEX))
                .build());
        // claims, checkpoints and finishes jobs (conditional writes); clears the event's #active item
        worker.allow(PolicyStatement.Builder.create()
                .actions(List.of("dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"))
                .resources(List.of(tables.exports().getTableArn()))
                .build());
        // reads the originals
        worker.allow(PolicyStatement.Builder.create()
                .actions(List.of("s3:GetObject"))
                .resources(List.of(storage.bucket().arnForObjects(UploadKey.PREFIX + "*")))
                .build());
        // writes the plan and the archives (multipart: create, parts and complete are s3:PutObject), reads the plan,
        // deletes the archives of an export withdrawn because a photo in it was deleted while it was built
        worker.allow(PolicyStatement.Builder.create()
                .actions(List.of("s3:PutObject", "s3:GetObject", "s3:AbortMultipartUpload", "s3:DeleteObject"))
                .resources(List.of(storage.bucket().arnForObjects(ExportKeys.PREFIX + "*")))
                .build());
        // without ListBucket S3 answers a missing key with 403, not 404: an original deleted since the export started
        // would fail the export instead of being left out
        worker.allow(PolicyStatement.Builder.create()
                .actions(List.of("s3:ListBucket"))
                .resources(List.of(storage.bucket().getBucketArn()))
                .build());
        // queues the message that continues a job in the next invocation
        worker.allow(PolicyStatement.Builder.create()
                .actions(List.of("sqs:SendMessage"))
                .resources(List.of(jobs.getQueueArn()))
                .build());
    }
}
