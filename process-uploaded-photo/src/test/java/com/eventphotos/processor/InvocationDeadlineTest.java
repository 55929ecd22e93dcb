package com.eventphotos.processor;

import org.junit.jupiter.api.Test;

import com.eventphotos.contract.deployment.InvocationDeadline;
import com.eventphotos.testsupport.TestImages;

import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With too little of the invocation left, a record is not started: it fails the invocation, to be retried whole. */
@QuarkusTest
@RealServers
class InvocationDeadlineTest {

    @Inject
    UploadedPhotoProcessor processor;

    @Test
    void process_shouldFailTheInvocationWithoutStartingARecord_whenTooLittleTimeIsLeft() throws Exception {
        Uploads.Uploaded upload = Uploads.png("late", "late", TestImages.png(10, 10));
        S3EventNotification event = new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(upload.createdEvent(), S3EventNotification.class);

        assertThrows(
                TransientProcessingException.class,
                () -> processor.process(
                        event, InvocationDeadline.of(() -> UploadedPhotoProcessor.RECORD_BUDGET.toMillis() - 1)));

        assertTrue(PhotoItems.allOfEvent(upload.eventId()).isEmpty(), "the record was not started");
    }
}
