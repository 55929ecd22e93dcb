package com.eventphotos.api.service;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.eventphotos.api.RealServers;
import com.eventphotos.api.TestEvents;
import com.eventphotos.api.domain.ConflictException;

import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The event's photo cap is counted in one place, and a start that fails after the count gives its places back. */
@QuarkusTest
@RealServers
class UploadServiceTest {

    @Inject
    UploadService uploads;

    @Test
    void withPlacesReserved_shouldGiveThePlacesBack_whenTheStepAfterTheReservationFails() {
        String eventId = TestEvents.created("cap-owner", "cap-release");
        IllegalStateException s3Failed = new IllegalStateException("CreateMultipartUpload failed");

        IllegalStateException thrown = assertThrows(
                IllegalStateException.class,
                () -> uploads.withPlacesReserved(eventId, 3, () -> {
                    assertEquals(3, TestEvents.uploadsCounted(eventId), "counted while the step runs");
                    throw s3Failed;
                }));

        assertSame(s3Failed, thrown, "the step's own failure reaches the caller");
        assertEquals(0, TestEvents.uploadsCounted(eventId));
    }

    @Test
    void withPlacesReserved_shouldKeepThePlaces_whenTheStepSucceeds() {
        String eventId = TestEvents.created("cap-owner", "cap-keep");

        String result = uploads.withPlacesReserved(eventId, 2, () -> "issued");

        assertEquals("issued", result);
        assertEquals(2, TestEvents.uploadsCounted(eventId));
    }

    @Test
    void withPlacesReserved_shouldCountNothingAndNotRunTheStep_whenThePlacesDoNotAllFit() {
        String eventId = TestEvents.created("cap-owner", "cap-full");
        // the test profile's cap (UploadApiConfig events.max-photos) is the default 10,000
        assertThrows(
                ConflictException.class,
                () -> uploads.withPlacesReserved(eventId, 10_001, () -> {
                    throw new AssertionError("must not run: " + UUID.randomUUID());
                }));
        assertEquals(0, TestEvents.uploadsCounted(eventId));
    }
}
