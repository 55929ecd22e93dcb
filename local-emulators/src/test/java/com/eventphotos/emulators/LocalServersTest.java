package com.eventphotos.emulators;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.eventphotos.contract.PhotoTable;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class LocalServersTest {

    @Test
    void s3Server_shouldStoreObjects_andRefuseUnknownCredentials() {
        try (LocalS3Server server = LocalS3Server.builder()
                        .workDir(RepositoryPaths.targetDir("local-s3-selftest"))
                        .start();
                S3Client s3 = server.newClient()) {
            server.createBucket("selftest");
            s3.putObject(p -> p.bucket("selftest").key("a/b.txt"), RequestBody.fromString("hello"));
            assertEquals(
                    "hello",
                    s3.getObjectAsBytes(g -> g.bucket("selftest").key("a/b.txt"))
                            .asUtf8String());

            try (S3Client wrongSecret = S3Client.builder()
                    .endpointOverride(server.endpoint())
                    .region(LocalS3Server.REGION)
                    .forcePathStyle(true)
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(server.accessKeyId(), "wrong-secret")))
                    .build()) {
                S3Exception refused = assertThrows(S3Exception.class, () -> wrongSecret.listBuckets());
                assertEquals(403, refused.statusCode());
            }
        }
    }

    @Test
    void dynamoDbLocal_shouldCreateThePhotoTableWithItsIndex_onStart() {
        try (LocalDynamoDb dynamoDb = LocalDynamoDb.start(0);
                DynamoDbClient client = dynamoDb.newClient()) {
            dynamoDb.createPhotoTable("photos");
            var table = client.describeTable(d -> d.tableName("photos")).table();
            assertTrue(table.localSecondaryIndexes().stream()
                    .anyMatch(index -> index.indexName().equals(PhotoTable.BY_UPLOAD_TIME_INDEX)));
        }
    }

    @Test
    void dynamoDbLocal_shouldListenOnLoopbackOnly_notOnTheMachinesOtherAddresses() throws IOException {
        InetAddress external = NetworkInterface.networkInterfaces()
                .filter(LocalServersTest::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst()
                .orElse(null);
        assumeTrue(external != null, "this machine has no non-loopback IPv4 address to try");
        try (LocalDynamoDb dynamoDb = LocalDynamoDb.start(0)) {
            int port = dynamoDb.endpoint().getPort();
            try (Socket loopback = new Socket(InetAddress.getLoopbackAddress(), port)) {
                assertTrue(loopback.isConnected());
            }
            assertThrows(ConnectException.class, () -> new Socket(external, port).close(), external + ":" + port);
        }
    }

    private static boolean isUp(NetworkInterface networkInterface) {
        try {
            return networkInterface.isUp();
        } catch (SocketException e) {
            return false;
        }
    }

    @Test
    void dynamoDbLocal_shouldStartOnAnotherPort_whenItsFirstPortWasTakenMeanwhile() throws IOException {
        try (ServerSocket taken = new ServerSocket(LoopbackPorts.candidate(), 1, InetAddress.getLoopbackAddress())) {
            AtomicInteger offers = new AtomicInteger();
            try (LocalDynamoDb dynamoDb = LocalDynamoDb.start(
                            () -> offers.getAndIncrement() == 0 ? taken.getLocalPort() : LoopbackPorts.candidate(),
                            null);
                    DynamoDbClient client = dynamoDb.newClient()) {
                assertEquals(2, offers.get());
                assertNotEquals(taken.getLocalPort(), dynamoDb.endpoint().getPort());
                assertEquals(List.of(), client.listTables().tableNames());
            }
        }
    }
}
