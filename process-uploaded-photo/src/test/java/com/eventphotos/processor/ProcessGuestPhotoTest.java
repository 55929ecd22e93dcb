package com.eventphotos.processor;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.eventphotos.contract.PhotoContentType;
import com.eventphotos.contract.PhotoMetadata;
import com.eventphotos.contract.PhotoTable;
import com.eventphotos.contract.UploadKey;
import com.eventphotos.testsupport.S3EventDocuments.ObjectEvent;
import com.eventphotos.testsupport.TestImages;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import io.quarkus.test.junit.QuarkusTest;

import static com.eventphotos.processor.PhotoItems.s;
import static com.eventphotos.testsupport.S3EventDocuments.notification;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A guest's photo that waits for review is processed as usual, with its uploader's name, out of the members' index. */
@QuarkusTest
@RealServers
class ProcessGuestPhotoTest {

    @Test
    void process_shouldWriteAPendingRecordWithTheGuestsName_outsideTheMembersIndex_whenReviewIsRequired() {
        String eventId = Uploads.uniqueEventId("guest");
        byte[] png = TestImages.png(30, 20);
        PhotoMetadata metadata = new PhotoMetadata(
                "Mom's 60th (garden)!",
                "",
                eventId,
                UUID.randomUUID(),
                PhotoContentType.PNG,
                "guest:" + UUID.randomUUID(),
                "할머니 순자",
                true);
        UploadKey key = Uploads.viaUploadUrl(metadata, png);

        ProcessUploadedPhotoHandlerTest.invoke(notification(
                        ObjectEvent.created(Uploads.BUCKET, key.toString(), png.length, Uploads.nextSequencer())))
                .statusCode(200)
                .body("stored", equalTo(1));

        Map<String, AttributeValue> item = PhotoItems.get(eventId, metadata.photoId());
        assertEquals("READY", s(item, PhotoTable.STATUS));
        assertEquals("PENDING", s(item, PhotoTable.REVIEW_STATUS));
        assertEquals("할머니 순자", s(item, PhotoTable.UPLOADER_NAME));
        assertEquals("Mom's 60th (garden)!", s(item, PhotoTable.TITLE));
        assertNull(item.get(PhotoTable.VISIBLE_UPLOADED_AT_PHOTO_ID), "not in the members' index until approved");
        assertEquals(s(item, PhotoTable.UPLOADED_AT_PHOTO_ID).isEmpty(), false, "in the owners' index");
    }
}
