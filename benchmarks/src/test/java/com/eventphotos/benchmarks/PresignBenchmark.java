package com.eventphotos.benchmarks;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import com.eventphotos.contract.PhotoContentType;
import com.eventphotos.contract.PhotoMetadata;
import com.eventphotos.contract.UploadUrlPresigner;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * What one upload URL costs. {@code uploadUrl} is the API's full path (metadata encoding, S3 size check,
 * signing); {@code sdkPresignPutObject} is the SDK's S3Presigner per URL (the first implementation);
 * {@code sigV4Floor} is the bare SigV4 work for the same URL with javax.crypto.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PresignBenchmark {

    static final String BUCKET = "event-photos-prod";
    static final Region REGION = Region.EU_CENTRAL_1;
    private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));

    private S3Presigner sdkPresigner;
    private UploadUrlPresigner uploadUrlPresigner;
    private PhotoMetadata metadata;
    private Map<String, String> encodedQuery;
    private String encodedPath;

    @Setup(Level.Trial)
    public void setUp() {
        sdkPresigner = S3Presigner.builder()
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .build();
        uploadUrlPresigner =
                UploadUrlPresigner.forBucket(sdkPresigner, BUCKET, REGION.id(), CREDENTIALS, Duration.ofMinutes(5));
        metadata = new PhotoMetadata(
                "서울 불꽃축제 2026",
                "밤하늘 + 친구들 & 100% = 최고",
                "seoul-fireworks",
                UUID.fromString("0b6f2c4e-8d1a-4c3e-9f5b-2a7d9e1c3b4f"),
                PhotoContentType.JPEG,
                "7f1c2d3e-user");
        encodedQuery = new LinkedHashMap<>();
        metadata.toUserMetadata()
                .forEach((name, value) ->
                        encodedQuery.put(PhotoMetadata.HEADER_PREFIX + name, SdkHttpUtils.urlEncode(value)));
        encodedPath = "/" + metadata.key();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sdkPresigner.close();
    }

    @Benchmark
    public UploadUrlPresigner.PresignedUpload uploadUrl() {
        PhotoMetadata photo = new PhotoMetadata(
                metadata.title(),
                metadata.description(),
                metadata.eventId(),
                UUID.randomUUID(),
                metadata.contentType(),
                metadata.uploadedBy());
        Map<String, String> userMetadata = photo.toUserMetadata();
        if (PhotoMetadata.userMetadataSizeInBytes(userMetadata) > PhotoMetadata.S3_USER_METADATA_LIMIT_BYTES) {
            throw new IllegalStateException("benchmark metadata must fit");
        }
        return uploadUrlPresigner.presign(photo.key(), userMetadata, null);
    }

    @Benchmark
    public String sdkPresignPutObject() {
        Map<String, String> userMetadata = metadata.toUserMetadata();
        AwsRequestOverrideConfiguration.Builder query = AwsRequestOverrideConfiguration.builder();
        userMetadata.forEach((name, value) -> query.putRawQueryParameter(PhotoMetadata.HEADER_PREFIX + name, value));
        return sdkPresigner
                .presignPutObject(
                        p -> p.signatureDuration(Duration.ofMinutes(5)).putObjectRequest(put -> put.bucket(BUCKET)
                                .key(metadata.key().toString())
                                .contentType(metadata.contentType().mimeType())
                                .overrideConfiguration(query.build())))
                .url()
                .toString();
    }

    @Benchmark
    public String sigV4Floor() throws Exception {
        return SigV4Floor.sign(
                BUCKET + ".s3." + REGION.id() + ".amazonaws.com",
                encodedPath,
                encodedQuery,
                metadata.contentType().mimeType(),
                "AKIAIOSFODNN7EXAMPLE",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                REGION.id(),
                ZonedDateTime.now(ZoneOffset.UTC),
                300);
    }
}
