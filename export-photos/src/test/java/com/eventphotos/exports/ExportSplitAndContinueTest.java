package com.eventphotos.exports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.eventphotos.contract.PhotoRecord;
import com.eventphotos.contract.export.ExportJob;
import com.eventphotos.contract.export.ExportMessage;
import com.eventphotos.contract.export.ExportStatus;
import com.eventphotos.exports.zip.Unzip;
import com.eventphotos.testsupport.LocalSqsTestResource;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@RealServers
@TestProfile(ExportSplitAndContinueTest.SmallArchivesAndShortInvocations.class)
class ExportSplitAndContinueTest {

    /** Archives of at most 8 MB, and an invocation that always seems about to run out of time after a part. */
    public static class SmallArchivesAndShortInvocations implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "event-photos.export.max-archive-bytes", "8000000",
                    "event-photos.export.invocation-reserve", "PT20M");
        }
    }

    @TempDir
    Path downloads;

    private final ExportFixture fixture = new ExportFixture();
    private final SqsClient sqs = LocalSqsTestResource.server().newClient();
    private final String queueUrl = LocalSqsTestResource.server().queueUrl(LocalSqsTestResource.QUEUE);

    @AfterEach
    void tearDown() {
        sqs.close();
        fixture.close();
    }

    @Test
    void export_shouldSplitIntoArchivesOfTheConfiguredSize_andContinueInTheNextInvocation() throws Exception {
        List<PhotoRecord> seeded = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            seeded.add(fixture.photo("사진 " + i, "organiser", 1_500_000));
        }
        ExportMessage message = fixture.queuedExport();

        int invocations = 0;
        ExportMessage next = message;
        while (next != null) {
            ExportFixture.invokeSucceeds(next);
            invocations++;
            assertTrue(invocations <= 5, "the export should end in a few invocations");
            next = continuation(message);
        }

        ExportJob job = fixture.job(message);
        assertEquals(ExportStatus.READY, job.status(), () -> "error: " + job.error());
        assertEquals(3, invocations, "each archive pauses once, after its first part, and goes on in the next");
        assertEquals(2, job.archives().size());
        List<String> digests = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ExportJob.Archive archive = job.archives().get(i);
            assertTrue(archive.key().endsWith("-photos-" + (i + 1) + "-of-2.zip"), archive.key());
            assertTrue(archive.bytes() <= 8_000_000, "archive " + archive.key() + ": " + archive.bytes());
            try (ZipFile zip = fixture.download(archive, downloads)) {
                digests.addAll(ExportFixture.contents(zip).values());
                assertEquals(archive.photos(), zip.size());
            }
            Unzip.assertIntact(downloads.resolve(fixture.eventId + "-photos-" + (i + 1) + "-of-2.zip"));
        }
        assertEquals(fixture.digestsOf(seeded.toArray(PhotoRecord[]::new)), digests, "every photo once, in order");
    }

    /** The continuation the worker queued for this export, taken off the queue as Lambda's event source would. */
    private ExportMessage continuation(ExportMessage export) {
        for (Message m : sqs.receiveMessage(
                        r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages()) {
            sqs.deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            ExportMessage received = ExportMessage.fromJson(m.body());
            if (received.equals(export)) {
                return received;
            }
        }
        return null;
    }
}
