package com.eventphotos.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.eventphotos.contract.PhotoContentType;
import com.eventphotos.contract.PhotoMetadata;
import com.eventphotos.contract.deployment.FunctionSpec;
import com.eventphotos.emulators.LocalDynamoDb;
import com.eventphotos.emulators.LocalS3Server;
import com.eventphotos.localstack.BuiltArtifacts;
import com.eventphotos.localstack.ChildProcess;
import com.eventphotos.localstack.LambdaFunction;
import com.eventphotos.localstack.LocalAwsEnvironment;
import com.eventphotos.localstack.LocalLambdaRuntime;
import com.eventphotos.testsupport.S3EventDocuments;
import com.eventphotos.testsupport.S3EventDocuments.ObjectEvent;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The processor's function.zip under AWS's Lambda runtime client, against the local S3 server and DynamoDB
 * Local, with objects already uploaded (with our metadata) for the events a benchmark sends.
 */
final class ProcessorRig implements AutoCloseable {

    static final String BUCKET = "event-photos-bench";
    static final String TABLE = "event-photos-bench";

    private final Path root;
    private final Path workDir;
    final LocalS3Server s3;
    final LocalDynamoDb dynamoDb;
    final LocalLambdaRuntime runtime;
    private final List<String> keys = new ArrayList<>();
    private long sequencer = 0x1000;

    ProcessorRig(Path root, Path workDir) {
        this.root = root;
        this.workDir = workDir;
        s3 = LocalS3Server.builder().workDir(workDir.resolve("s3")).start();
        s3.createBucket(BUCKET);
        dynamoDb = LocalDynamoDb.start(0);
        dynamoDb.createPhotoTable(TABLE);
        runtime = LocalLambdaRuntime.start(0, workDir.resolve("logs"));
    }

    /** Uploads {@code count} copies of a JPEG photo (as our URL would store them) and remembers their keys. */
    void upload(int count, byte[] jpeg) {
        try (S3Client client = s3.newClient()) {
            for (int i = 0; i < count; i++) {
                PhotoMetadata metadata = new PhotoMetadata(
                        "벤치마크 사진 " + i,
                        "processor benchmark",
                        "bench",
                        UUID.randomUUID(),
                        PhotoContentType.JPEG,
                        "bench-user");
                client.putObject(
                        p -> p.bucket(BUCKET)
                                .key(metadata.key().toString())
                                .contentType("image/jpeg")
                                .metadata(metadata.toUserMetadata()),
                        RequestBody.fromBytes(jpeg));
                keys.add(metadata.key().toString());
            }
        }
    }

    List<String> keys() {
        return keys;
    }

    /** One S3 notification with a record for each key; sequencers grow, so every record is written. */
    String event(List<String> batch) {
        List<ObjectEvent> records = new ArrayList<>();
        for (String key : batch) {
            records.add(ObjectEvent.created(
                    BUCKET, key, 1, Long.toHexString(++sequencer).toUpperCase()));
        }
        return S3EventDocuments.notification(records);
    }

    ChildProcess startFunction(List<String> extraJvmOptions, String logName) {
        return startFunction(runtime, extraJvmOptions, logName);
    }

    ChildProcess startFunction(LocalLambdaRuntime runtimeApi, List<String> extraJvmOptions, String logName) {
        Map<String, String> env =
                LocalAwsEnvironment.processor(root, s3, dynamoDb, BUCKET, TABLE, "https://cdn.example.com");
        env.put("QUARKUS_LOG_LEVEL", "WARN");
        return LambdaFunction.start(
                FunctionSpec.PROCESSOR,
                new BuiltArtifacts(root).processorPackage(),
                workDir.resolve("task-" + logName),
                new BuiltArtifacts(root).runtimeClient(),
                runtimeApi.runtimeApiAddress(),
                env,
                extraJvmOptions,
                workDir.resolve("logs/" + logName + ".log"));
    }

    /** Waits until {@code count} invocations in all have succeeded. */
    void awaitSucceeded(int count, ChildProcess function, long timeoutMillis) throws InterruptedException {
        awaitSucceeded(runtime, count, function, timeoutMillis);
    }

    static void awaitSucceeded(LocalLambdaRuntime runtime, int count, ChildProcess function, long timeoutMillis)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (runtime.succeeded() < count) {
            if (runtime.deadLettered() > 0 || !function.isAlive() || System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("processor did not finish " + count + " invocations (succeeded "
                        + runtime.succeeded() + ", failed " + runtime.deadLettered() + "); see " + function.log());
            }
            Thread.sleep(1);
        }
    }

    @Override
    public void close() {
        runtime.close();
        dynamoDb.close();
        s3.close();
    }
}
