package com.eventphotos.processor;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import com.eventphotos.contract.Rendition;
import com.eventphotos.contract.UploadKey;
import com.eventphotos.contract.deployment.InvocationDeadline;
import com.eventphotos.processor.ProcessingSummary.RecordResult;
import com.eventphotos.processor.S3EventNotification.Record;
import com.eventphotos.processor.image.ImageHeader;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Handles every record of an S3 event notification. Per record: decode the key, skip what is not an
 * ObjectCreated or ObjectRemoved under {@code uploads/}, make sure it is the one object its photo may have
 * ({@link WriteOnceOriginals}), read and verify it, store its renditions, then write its READY record (so a listed
 * photo always has them). A removed original deletes the photo (see
 * {@link DeletedPhotoCleaner}); a photo deleted while it was processed is never listed. A permanent problem with one record rejects that record only
 * (a REJECTED record, and the original deleted); a transient one (S3 or DynamoDB unavailable) fails the
 * invocation after all other records were handled, so Lambda retries and nothing is silently dropped.
 */
@ApplicationScoped
public class UploadedPhotoProcessor {

    private static final Logger LOG = Logger.getLogger(UploadedPhotoProcessor.class);

    /**
     * The least time one record may need: its slowest calls each end within their deadlines (application.properties:
     * S3 20 s, DynamoDB 5 s), and a 25 MiB photo renders in about a second.
     */
    static final Duration RECORD_BUDGET = Duration.ofSeconds(20);

    private final UploadInspector inspector;
    private final PhotoVerifier verifier;
    private final RenditionPublisher publisher;
    private final PhotoRecordWriter writer;
    private final DeletedPhotoCleaner cleaner;
    private final WriteOnceOriginals originals;
    private final S3Client s3;
    private final ProcessorConfig config;
    private final PhotoTimingLog timingLog;

    UploadedPhotoProcessor(
            UploadInspector inspector,
            PhotoVerifier verifier,
            RenditionPublisher publisher,
            PhotoRecordWriter writer,
            DeletedPhotoCleaner cleaner,
            WriteOnceOriginals originals,
            S3Client s3,
            ProcessorConfig config,
            PhotoTimingLog timingLog) {
        this.timingLog = timingLog;
        this.inspector = inspector;
        this.verifier = verifier;
        this.publisher = publisher;
        this.writer = writer;
        this.cleaner = cleaner;
        this.originals = originals;
        this.s3 = s3;
        this.config = config;
    }

    /** As {@link #process(S3EventNotification, InvocationDeadline)} with all the time in the world (tests, tools). */
    public ProcessingSummary process(S3EventNotification event) {
        return process(event, InvocationDeadline.forever());
    }

    /**
     * Handles each record on its own: whatever one record throws is that record's failure, and the others are still
     * handled. If any failed (S3 or DynamoDB unavailable, or anything unexpected), the invocation fails after the
     * others, so Lambda retries it (records already handled are idempotent) and finally keeps it as a dead letter. A
     * record is not started with less than {@link #RECORD_BUDGET} of the invocation left: it counts as failed,
     * so the retry handles it instead of the function running into its own timeout.
     *
     * @param deadline the invocation's time left
     */
    public ProcessingSummary process(S3EventNotification event, InvocationDeadline deadline) {
        List<RecordResult> results = new ArrayList<>();
        List<RuntimeException> failures = new ArrayList<>();
        List<Record> records = event.records();
        for (Record record : records) {
            if (!deadline.hasAtLeast(RECORD_BUDGET)) {
                LOG.warnf(
                        "outcome=FAILED key=%s reason=\"not started: the invocation is about to time out\" "
                                + "(will be retried)",
                        rawKey(record));
                failures.add(new IllegalStateException("not started before the invocation's deadline"));
                continue;
            }
            try {
                results.add(process(record));
            } catch (SdkException e) {
                LOG.errorf(e, "outcome=FAILED key=%s reason=\"%s\" (will be retried)", rawKey(record), e.getMessage());
                failures.add(e);
            } catch (RuntimeException e) {
                LOG.errorf(
                        e,
                        "outcome=FAILED key=%s reason=\"unexpected %s: %s\" (will be retried, then dead-lettered)",
                        rawKey(record),
                        e.getClass().getSimpleName(),
                        e.getMessage());
                failures.add(e);
            }
        }
        ProcessingSummary summary = ProcessingSummary.of(results);
        LOG.infof(
                "processed %d record(s): stored=%d alreadyProcessed=%d ignored=%d rejected=%d deleted=%d failed=%d",
                records.size(),
                summary.stored(),
                summary.alreadyProcessed(),
                summary.ignored(),
                summary.rejected(),
                summary.deleted(),
                failures.size());
        if (!failures.isEmpty()) {
            TransientProcessingException failure = new TransientProcessingException(
                    failures.size() + " of " + records.size()
                            + " record(s) failed; failing the invocation so Lambda retries it",
                    failures.get(0));
            failures.stream().skip(1).forEach(failure::addSuppressed);
            throw failure;
        }
        return summary;
    }

    private RecordResult process(Record record) {
        if (record == null) {
            return malformed("not an S3 event record");
        }
        String eventName = Optional.ofNullable(record.eventName()).orElse("");
        boolean removed = eventName.startsWith("ObjectRemoved:");
        if (!eventName.startsWith("ObjectCreated:") && !removed) {
            return ignored(rawKey(record), "event " + eventName + " is neither ObjectCreated nor ObjectRemoved");
        }
        if (record.s3() == null || record.s3().bucket() == null || record.s3().object() == null) {
            return ignored(rawKey(record), "record has no s3 bucket/object");
        }
        if (rawKey(record) == null || rawKey(record).isEmpty()) {
            return malformed("record has no object key");
        }
        if (!config.bucket().equals(record.s3().bucket().name())) {
            return ignored(rawKey(record), "bucket " + record.s3().bucket().name() + " is not " + config.bucket());
        }
        String key;
        try {
            key = URLDecoder.decode(rawKey(record), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return ignored(rawKey(record), "key is not valid URL encoding");
        }
        if (!key.startsWith(UploadKey.PREFIX)) {
            return ignored(key, "key is outside " + UploadKey.PREFIX);
        }
        Optional<UploadKey> uploadKey = UploadKey.parse(key);
        if (uploadKey.isEmpty()) {
            return removed
                    ? ignored(key, "removed key does not follow our layout")
                    : rejected(key, "key does not follow uploads/event_{eventId}/{photoId}.{suffix}");
        }
        if (removed) {
            return cleaner.onOriginalRemoved(uploadKey.get())
                    ? deleted(key, "original removed: record is a tombstone, renditions removed and invalidated")
                    : ignored(key, "original of a rejected upload removed");
        }
        String sequencer = record.s3().object().sequencer();
        WriteOnceOriginals.Verdict verdict = originals.check(uploadKey.get());
        String why = WriteOnceOriginals.reason(verdict);
        switch (verdict) {
            case RECORDED:
                return alreadyProcessed(key, sequencer);
            case STRANGER_REMOVED:
                return rejected(key, why);
            case PHOTO_DELETED:
                return deleted(key, why);
            case GONE:
                return ignored(key, why);
            case FIRST:
                break;
        }
        String bucket = config.bucket();
        Instant uploadedAt = eventTime(record);
        PhotoTimings timings = new PhotoTimings();
        try {
            Optional<UploadedPhoto> upload =
                    timings.time(PhotoTimings.READ, () -> inspector.inspect(bucket, uploadKey.get(), uploadedAt));
            if (upload.isEmpty()) {
                return ignored(key, "object no longer exists");
            }
            try (UploadedPhoto photo = upload.get()) {
                ImageHeader header = timings.time(PhotoTimings.VERIFY, () -> verifier.verify(photo));
                List<Rendition> renditions = publisher.publish(photo, header, timings);
                boolean written = timings.time(
                        PhotoTimings.RECORD, () -> writer.writeReady(photo, header, renditions, sequencer));
                if (!written) {
                    if (cleaner.isDeleted(uploadKey.get())) {
                        cleaner.removeLateUpload(uploadKey.get(), renditions);
                        return deleted(key, "deleted before it was processed: what processing stored is removed");
                    }
                    return alreadyProcessed(key, sequencer);
                }
                timingLog.written(uploadKey.get(), RecordOutcome.STORED.name(), uploadedAt, timings);
                LOG.infof(
                        "outcome=STORED key=%s size=%d renditions=%s",
                        key,
                        photo.size(),
                        renditions.stream()
                                .map(r -> r.width() + "x" + r.height())
                                .toList());
                return new RecordResult(key, RecordOutcome.STORED, null);
            }
        } catch (RejectedUploadException e) {
            boolean written = timings.time(
                    PhotoTimings.RECORD,
                    () -> writer.writeRejected(uploadKey.get(), uploadedAt, sequencer, e.getMessage()));
            if (!written) {
                if (cleaner.isDeleted(uploadKey.get())) {
                    cleaner.removeLateUpload(uploadKey.get(), List.of());
                    return deleted(key, "deleted before it was processed: the original is removed");
                }
                return alreadyProcessed(key, sequencer);
            }
            timingLog.written(uploadKey.get(), RecordOutcome.REJECTED.name(), uploadedAt, timings);
            // Only verified bytes are kept: the record says why, the original goes (it was never served).
            s3.deleteObject(d -> d.bucket(bucket).key(key));
            return rejected(key, e.getMessage());
        }
    }

    /** S3's eventTime is when the object was stored; a record without a readable one falls back to now. */
    private static Instant eventTime(Record record) {
        try {
            return record.eventTime() == null ? Instant.now() : Instant.parse(record.eventTime());
        } catch (DateTimeParseException e) {
            return Instant.now();
        }
    }

    /** Not what S3 sends: ignored like any other record we have no use for, but loudly, in case S3's format moved. */
    private static RecordResult malformed(String reason) {
        LOG.warnf("outcome=IGNORED key=null reason=\"%s\" (malformed S3 event record)", reason);
        return new RecordResult(null, RecordOutcome.IGNORED, reason);
    }

    private static RecordResult ignored(String key, String reason) {
        LOG.infof("outcome=IGNORED key=%s reason=\"%s\"", key, reason);
        return new RecordResult(key, RecordOutcome.IGNORED, reason);
    }

    private static RecordResult rejected(String key, String reason) {
        LOG.warnf("outcome=REJECTED key=%s reason=\"%s\"", key, reason);
        return new RecordResult(key, RecordOutcome.REJECTED, reason);
    }

    private static RecordResult deleted(String key, String reason) {
        LOG.infof("outcome=DELETED key=%s reason=\"%s\"", key, reason);
        return new RecordResult(key, RecordOutcome.DELETED, reason);
    }

    private static RecordResult alreadyProcessed(String key, String sequencer) {
        LOG.infof("outcome=ALREADY_PROCESSED key=%s sequencer=%s", key, sequencer);
        return new RecordResult(
                key, RecordOutcome.ALREADY_PROCESSED, "the record already reflects this or a newer event");
    }

    private static String rawKey(Record record) {
        return record.s3() == null || record.s3().object() == null
                ? null
                : record.s3().object().key();
    }
}
