package com.eventphotos.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A real SQS API server on loopback: ElasticMQ (Maven Central), in a JVM of its own so that its Scala and Pekko never
 * meet the classpath of what it serves. It speaks the SQS JSON protocol the AWS SDK uses (visibility timeouts,
 * receive counts, a dead-letter queue by redrive policy); it checks no signatures. Queues are declared at start.
 */
public final class LocalSqs implements AutoCloseable {

    /** ElasticMQ checks nothing; these only satisfy the SDK's signer. */
    public static final AwsBasicCredentials ANY_CREDENTIALS = AwsBasicCredentials.create("local", "local");

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    /** A queue to create, with the dead-letter queue messages move to after {@code maxReceiveCount} deliveries. */
    public record Queue(String name, Duration visibilityTimeout, String deadLetterQueue, int maxReceiveCount) {

        public static Queue plain(String name) {
            return new Queue(name, Duration.ofSeconds(30), null, 0);
        }
    }

    private final Process process;
    private final URI endpoint;
    private volatile boolean stopping;

    private LocalSqs(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** @param port 0 picks a free one (outside the ephemeral range, see {@link LoopbackPorts}) */
    public static LocalSqs start(int port, Path workDir, List<Queue> queues) {
        return port == 0
                ? LoopbackPorts.startOnFreePort("ElasticMQ", p -> startOn(p, workDir, queues))
                : startOn(port, workDir, queues);
    }

    private static LocalSqs startOn(int port, Path workDir, List<Queue> queues) {
        try {
            Files.createDirectories(workDir);
            Path conf = workDir.resolve("elasticmq-" + port + ".conf");
            Files.writeString(conf, configuration(port, queues));
            Path log = workDir.resolve("elasticmq-" + port + ".log");
            Files.deleteIfExists(log);
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(
                            java,
                            "-Xmx128m",
                            "-XX:+UseSerialGC",
                            "-Dconfig.file=" + conf,
                            "-Dlogback.configurationFile=" + writeLogConfig(workDir),
                            "-cp",
                            classpath(),
                            "org.elasticmq.server.Main")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            LocalSqs sqs = new LocalSqs(process, URI.create("http://127.0.0.1:" + port));
            sqs.awaitQueues(port, log, queues);
            return sqs;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start ElasticMQ", e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The URL of {@code queue}, as SQS gives it (account 000000000000). */
    public String queueUrl(String queue) {
        return endpoint + "/000000000000/" + queue;
    }

    public long pid() {
        return process.pid();
    }

    public SqsClient newClient() {
        return SqsClient.builder()
                .endpointOverride(endpoint)
                .region(LocalS3Server.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(ANY_CREDENTIALS))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Override
    public void close() {
        stopping = true;
        ServerProcesses.stop(process);
    }

    /** Whether {@link #close()} was called (so an exit is expected). */
    public boolean stopping() {
        return stopping;
    }

    private static String configuration(int port, List<Queue> queues) {
        StringBuilder conf = new StringBuilder("""
                include classpath("application.conf")
                node-address { protocol = http, host = 127.0.0.1, port = %d, context-path = "" }
                rest-sqs { enabled = true, bind-port = %d, bind-hostname = "127.0.0.1", sqs-limits = strict }
                rest-stats { enabled = false }
                generate-node-address = false
                aws { region = us-east-1, accountId = 000000000000 }
                queues {
                """.formatted(port, port));
        for (Queue queue : queues) {
            conf.append("  \"")
                    .append(queue.name())
                    .append("\" { defaultVisibilityTimeout = ")
                    .append(queue.visibilityTimeout().toSeconds())
                    .append(" seconds");
            if (queue.deadLetterQueue() != null) {
                conf.append(", deadLettersQueue { name = \"")
                        .append(queue.deadLetterQueue())
                        .append("\", maxReceiveCount = ")
                        .append(queue.maxReceiveCount())
                        .append(" }");
            }
            conf.append(" }\n");
        }
        return conf.append("}\n").toString();
    }

    private static Path writeLogConfig(Path workDir) throws IOException {
        Path file = workDir.resolve("elasticmq-logback.xml");
        Files.writeString(file, """
                <configuration>
                  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d %-5level %logger{20} %msg%n</pattern></encoder>
                  </appender>
                  <root level="WARN"><appender-ref ref="out"/></root>
                  <logger name="org.elasticmq" level="INFO"/>
                </configuration>
                """);
        return file;
    }

    private static String classpath() throws IOException {
        Path file = RepositoryPaths.find("local-emulators/target/elasticmq.classpath");
        return Files.readString(file).trim();
    }

    /**
     * Ready once every queue answers GetQueueUrl: ElasticMQ logs "Starting … server" before it binds, and creates
     * some queues only after its "started" line.
     */
    private void awaitQueues(int port, Path log, List<Queue> queues) throws IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        try (SqsClient client = newClient()) {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    String text = Files.exists(log) ? Files.readString(log) : "";
                    if (text.contains("Address already in use") || text.contains("BindException")) {
                        throw new PortTakenException("ElasticMQ: port " + port + " is taken", null);
                    }
                    throw new IllegalStateException("ElasticMQ exited with " + process.exitValue() + "; its log " + log
                            + " says:\n" + text.substring(Math.max(0, text.length() - 2000)));
                }
                if (allAnswer(client, queues)) {
                    return;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    process.destroyForcibly();
                    throw new IllegalStateException("interrupted while starting ElasticMQ", e);
                }
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("ElasticMQ did not serve its queues on " + port + " within " + START_TIMEOUT);
    }

    private static boolean allAnswer(SqsClient client, List<Queue> queues) {
        try {
            for (Queue queue : queues) {
                client.getQueueUrl(g -> g.queueName(queue.name()));
            }
            return true;
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            return false; // not bound yet, or the queue not created yet
        }
    }
}
