package com.eventphotos.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.eventphotos.contract.UploadUrlPresigner;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 API server on loopback that checks SigV4 signatures: {@code @20minutes/s3rver}, run by Node
 * from {@code local-emulators/node} (installed by the Maven build). Every start gets fresh random credentials,
 * so no key is written down anywhere.
 */
public final class LocalS3Server implements AutoCloseable {

    public static final Region REGION = Region.US_EAST_1;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final URI endpoint;
    private final AwsBasicCredentials credentials;
    private final Path logFile;
    private volatile boolean stopping;

    private LocalS3Server(Process process, URI endpoint, AwsBasicCredentials credentials, Path logFile) {
        this.process = process;
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.logFile = logFile;
    }

    public static Builder builder() {
        return new Builder();
    }

    public URI endpoint() {
        return endpoint;
    }

    public String accessKeyId() {
        return credentials.accessKeyId();
    }

    public String secretAccessKey() {
        return credentials.secretAccessKey();
    }

    public Path logFile() {
        return logFile;
    }

    /** The Node process serving it (to watch it, or to freeze it in a fault test). */
    public long pid() {
        return process.pid();
    }

    /** Runs {@code action} with the exit code when the server ends without {@link #close()} having stopped it. */
    public void onUnexpectedExit(IntConsumer action) {
        process.onExit().thenAccept(ended -> {
            if (!stopping) {
                action.accept(ended.exitValue());
            }
        });
    }

    /** A client for this server; the caller closes it. */
    public S3Client newClient() {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .forcePathStyle(true)
                // s3rver does not understand the SDK's default aws-chunked checksum trailers
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** Signs upload URLs for {@code bucket} of this server as the API does (5 minutes). */
    public UploadUrlPresigner uploadUrlPresigner(String bucket) {
        return new UploadUrlPresigner(
                endpoint + "/" + bucket,
                REGION.id(),
                StaticCredentialsProvider.create(credentials),
                Duration.ofMinutes(5),
                Clock.systemUTC());
    }

    public void createBucket(String bucket) {
        try (S3Client s3 = newClient()) {
            if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(bucket))) {
                s3.createBucket(b -> b.bucket(bucket));
            }
        }
    }

    @Override
    public void close() {
        stopping = true;
        ServerProcesses.stop(process);
    }

    public static final class Builder {
        private int port;
        private Path workDir = RepositoryPaths.targetDir("local-s3");
        private String buckets = "";
        private Path corsFile;
        private String eventWebhookUrl;
        private Path logFile;

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Where the server keeps its objects and writes its log. */
        public Builder workDir(Path workDir) {
            this.workDir = workDir;
            return this;
        }

        /** Buckets created at start, each with the CORS configuration in {@code corsFile} (may be null). */
        public Builder buckets(String commaSeparatedNames, Path corsFile) {
            this.buckets = commaSeparatedNames;
            this.corsFile = corsFile;
            return this;
        }

        /** Defaults to s3-server.log in the work folder. */
        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        /** Every S3 event notification (S3's {"Records":[...]} JSON, keys URL-encoded) is POSTed here. */
        public Builder eventWebhookUrl(String url) {
            this.eventWebhookUrl = url;
            return this;
        }

        public LocalS3Server start() {
            try {
                return doStart();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the local S3 server", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the local S3 server", e);
            }
        }

        private LocalS3Server doStart() throws IOException, InterruptedException {
            Path script = RepositoryPaths.find("local-emulators/node/s3-server.js");
            if (!Files.isDirectory(script.resolveSibling("node_modules"))) {
                throw new IllegalStateException("npm packages missing in " + script.getParent()
                        + ": build the repository once with ./mvnw install (it runs npm ci there)");
            }
            Files.createDirectories(workDir);
            Path readyFile =
                    workDir.resolve("ready-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".json");
            Path logFile = this.logFile != null ? this.logFile : workDir.resolve("s3-server.log");
            Files.createDirectories(logFile.getParent());
            AwsBasicCredentials credentials = AwsBasicCredentials.create("LOCAL" + randomHex(8), randomHex(20));

            ProcessBuilder builder = new ProcessBuilder(System.getProperty("node.binary", "node"), script.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            Map<String, String> env = builder.environment();
            env.put("S3_ACCESS_KEY", credentials.accessKeyId());
            env.put("S3_SECRET_KEY", credentials.secretAccessKey());
            env.put("S3_DATA_DIR", workDir.resolve("data").toString());
            env.put("S3_PORT", Integer.toString(port));
            env.put("READY_FILE", readyFile.toString());
            env.put("S3_BUCKETS", buckets);
            if (corsFile != null) {
                env.put("S3_CORS_FILE", corsFile.toString());
            }
            if (eventWebhookUrl != null) {
                env.put("S3_EVENT_WEBHOOK_URL", eventWebhookUrl);
            }
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));

            int boundPort = awaitReady(process, readyFile, logFile);
            Files.deleteIfExists(readyFile);
            return new LocalS3Server(process, URI.create("http://127.0.0.1:" + boundPort), credentials, logFile);
        }

        private static int awaitReady(Process process, Path readyFile, Path logFile)
                throws IOException, InterruptedException {
            Instant deadline = Instant.now().plus(START_TIMEOUT);
            while (Instant.now().isBefore(deadline)) {
                if (Files.exists(readyFile)) {
                    Matcher port = Pattern.compile("\"port\":(\\d+)").matcher(Files.readString(readyFile));
                    if (port.find()) {
                        return Integer.parseInt(port.group(1));
                    }
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("local S3 server exited with " + process.exitValue() + "; its log "
                            + logFile + " says:\n" + tail(logFile));
                }
                Thread.sleep(50);
            }
            process.destroyForcibly();
            throw new IllegalStateException(
                    "local S3 server did not start within " + START_TIMEOUT + "; see " + logFile);
        }

        private static String tail(Path logFile) throws IOException {
            String log = Files.readString(logFile);
            return log.substring(Math.max(0, log.length() - 2000));
        }
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().withUpperCase().formatHex(random);
    }
}
