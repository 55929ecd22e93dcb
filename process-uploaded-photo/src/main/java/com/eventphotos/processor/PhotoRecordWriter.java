package com.eventphotos.processor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.eventphotos.contract.PhotoRecord;
import com.eventphotos.contract.PhotoTable;
import com.eventphotos.contract.Rendition;
import com.eventphotos.contract.UploadKey;
import com.eventphotos.contract.live.LiveGallery;
import com.eventphotos.processor.image.ImageHeader;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes photo records so that delivering an event twice, or out of order, is harmless: a record is
 * replaced only by one from a later S3 event for the same key (higher sequencer), in one conditional
 * PutItem, so a record is either fully written or not at all.
 */
@ApplicationScoped
public class PhotoRecordWriter {

    private final DynamoDbClient dynamo;
    private final ProcessorConfig config;
    private final LiveGallery gallery;
    private final Clock clock = Clock.systemUTC();

    PhotoRecordWriter(DynamoDbClient dynamo, ProcessorConfig config, LiveGallery gallery) {
        this.dynamo = dynamo;
        this.config = config;
        this.gallery = gallery;
    }

    /** @return false when the table already holds this event's outcome or a newer one */
    public boolean writeReady(UploadedPhoto photo, ImageHeader header, List<Rendition> renditions, String sequencer) {
        return putIfNewer(PhotoRecord.ready(
                photo.metadata(),
                photo.size(),
                header.orientedWidth(),
                header.orientedHeight(),
                renditions,
                photo.uploadedAt(),
                clock.instant(),
                sequencer,
                photo.eTag()));
    }

    /** A rejected upload is recorded (never listed) so a client polling for its photo learns why. */
    public boolean writeRejected(UploadKey key, Instant uploadedAt, String sequencer, String reason) {
        // no ETag: whatever is under a rejected photo's key is removed, the rejected object and any later one alike
        return putIfNewer(PhotoRecord.rejected(key, uploadedAt, clock.instant(), sequencer, reason, null));
    }

    /** Once written, the event's open galleries hear of it (if it is theirs to see, and as often as it changes). */
    private boolean putIfNewer(PhotoRecord record) {
        try {
            Map<String, AttributeValue> replaced =
                    dynamo.putItem(record.putIfNewer(config.table())).attributes();
            gallery.processed(record, PhotoTable.visibleToMembers(replaced));
            return true;
        } catch (ConditionalCheckFailedException alreadyNewer) {
            return false;
        }
    }
}
