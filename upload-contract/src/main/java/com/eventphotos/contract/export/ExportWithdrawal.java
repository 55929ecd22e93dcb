package com.eventphotos.contract.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Taking an export back because a photo in its archives was deleted. {@link #withdraw} first makes the job WITHDRAWN
 * (from then on the API hands out no link to it), then deletes its archives and plan from the bucket (links handed out
 * before are refused by S3 from then on), then records that they are gone. Should deleting fail, the export already
 * links to nothing, and repeating the withdrawal (it is safe to) finishes it.
 *
 * <p>Used by the API (a photo deleted after an export was built: {@link #holds} decides, from the plan) and by the
 * export worker (a photo deleted while it was building an export: the API notes it on the job, {@link
 * #notePhotoDeleted}, and the worker, once finished, withdraws the export if it had put that photo in).
 *
 * <p>Which photos an export holds: those its plan ({@link ExportKeys#plan}) lists, but for the ones whose originals
 * were gone when the worker came to them ({@link ExportTable#SKIPPED_PHOTOS}). The whole export is withdrawn, not
 * only the archive holding the photo: one status, and the owner builds a fresh export in one click.
 */
public final class ExportWithdrawal {

    /** Why an export is withdrawn when a photo in it is deleted (shown to its owners). */
    public static final String PHOTO_DELETED = "a photo in it was deleted";

    /** The field of each entry of the worker's plan that names its photo. */
    public static final String PLAN_PHOTO_ID = "photoId";

    private static final JsonFactory JSON = new JsonFactory();

    /** What {@link #withdraw} found and did. */
    public enum Outcome {
        /** The export was READY: it is WITHDRAWN now, and its objects are deleted. */
        WITHDRAWN,
        /** It was WITHDRAWN already; objects still left are deleted now. */
        ALREADY_WITHDRAWN,
        /** It is not READY (any more): nothing to do. */
        NOT_READY
    }

    /**
     * A job as a withdrawal needs it.
     *
     * @param planKey the worker's plan, once written
     * @param deletedPhotos photos deleted while the job was QUEUED or RUNNING
     * @param skippedPhotos planned photos the archives do not hold (their originals were gone when the worker came)
     * @param objectsRemoved a WITHDRAWN export's archives and plan are deleted from the bucket
     */
    public record Stored(
            ExportJob job,
            String planKey,
            Set<String> deletedPhotos,
            Set<String> skippedPhotos,
            boolean objectsRemoved) {

        public Stored {
            deletedPhotos = Set.copyOf(deletedPhotos);
            skippedPhotos = Set.copyOf(skippedPhotos);
        }

        public static Stored fromItem(Map<String, AttributeValue> item) {
            AttributeValue plan = item.get(ExportTable.PLAN_KEY);
            AttributeValue removed = item.get(ExportTable.OBJECTS_REMOVED);
            return new Stored(
                    ExportJob.fromItem(item),
                    plan == null ? null : plan.s(),
                    stringSet(item, ExportTable.DELETED_PHOTOS),
                    stringSet(item, ExportTable.SKIPPED_PHOTOS),
                    removed != null && Boolean.TRUE.equals(removed.bool()));
        }
    }

    private final ExportJobs jobs;
    private final S3Client s3;
    private final String bucket;

    /**
     * @param exportsTable the {@link ExportTable}
     * @param bucket where the archives are (under {@link ExportKeys#PREFIX})
     */
    public ExportWithdrawal(DynamoDbClient dynamo, S3Client s3, String exportsTable, String bucket) {
        this(new ExportJobs(dynamo, exportsTable), s3, bucket);
    }

    /** @param jobs the store of the jobs; {@code bucket}: where the archives are (under {@link ExportKeys#PREFIX}) */
    public ExportWithdrawal(ExportJobs jobs, S3Client s3, String bucket) {
        this.jobs = jobs;
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** The job as it is now (a consistent read). */
    public Optional<Stored> read(String eventId, String exportId) {
        return jobs.read(eventId, exportId);
    }

    /** Every job of the event the table still holds, in any status (consistent reads). */
    public List<Stored> ofEvent(String eventId) {
        return jobs.ofEvent(eventId);
    }

    /**
     * Notes on a job still QUEUED or RUNNING that the photo was deleted: its worker, once finished, withdraws the export
     * if it had already put the photo in (one it comes to later has no original any more and is left out).
     *
     * @return false when the job is not QUEUED or RUNNING (any more), or gone: nothing was written
     */
    public boolean notePhotoDeleted(String eventId, String exportId, String photoId) {
        return jobs.notePhotoDeleted(eventId, exportId, photoId);
    }

    /**
     * Whether a built export's archives hold the photo: its plan lists it, and the worker did not skip it. A plan no
     * longer in the bucket holds nothing (the bucket's lifecycle removed the export's objects).
     */
    public boolean holds(Stored export, String photoId) {
        if (export.skippedPhotos().contains(photoId)) {
            return false;
        }
        ExportJob job = export.job();
        String planKey = export.planKey() != null ? export.planKey() : ExportKeys.plan(job.eventId(), job.exportId());
        try (ResponseInputStream<GetObjectResponse> plan =
                s3.getObject(g -> g.bucket(bucket).key(planKey))) {
            return planLists(plan, photoId);
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + planKey + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Withdraws a READY export: WITHDRAWN with {@code reason}, then its archives and plan deleted, then that recorded.
     * Safe to repeat: for an export WITHDRAWN already it deletes what is left of its objects; anything else (QUEUED,
     * RUNNING, FAILED, gone) it leaves alone.
     *
     * @throws RuntimeException when the bucket or the table fails: the export may be WITHDRAWN with objects left,
     *     which repeating the call deletes
     */
    public Outcome withdraw(String eventId, String exportId, String reason, Instant now) {
        Stored withdrawn;
        Outcome outcome;
        Optional<Stored> marked = jobs.markWithdrawn(eventId, exportId, reason, now);
        if (marked.isPresent()) {
            withdrawn = marked.get();
            outcome = Outcome.WITHDRAWN;
        } else {
            Optional<Stored> current = read(eventId, exportId);
            if (current.isEmpty() || current.get().job().status() != ExportStatus.WITHDRAWN) {
                return Outcome.NOT_READY;
            }
            withdrawn = current.get();
            outcome = Outcome.ALREADY_WITHDRAWN;
        }
        removeObjects(withdrawn);
        return outcome;
    }

    /** Deletes a WITHDRAWN export's archives and plan (only keys in its own folder), then records it. */
    private void removeObjects(Stored export) {
        if (export.objectsRemoved()) {
            return;
        }
        ExportJob job = export.job();
        String folder = ExportKeys.folder(job.eventId(), job.exportId());
        List<String> keys = new ArrayList<>();
        job.archives().forEach(archive -> keys.add(archive.key()));
        keys.add(export.planKey() != null ? export.planKey() : ExportKeys.plan(job.eventId(), job.exportId()));
        for (String key : keys) {
            if (key.startsWith(folder)) { // never anything but this export's own objects
                s3.deleteObject(d -> d.bucket(bucket).key(key));
            }
        }
        jobs.markObjectsRemoved(job.eventId(), job.exportId());
    }

    /** Whether the plan (the worker's plan.json) has an entry for the photo; read as a stream, never held whole. */
    static boolean planLists(InputStream plan, String photoId) throws IOException {
        try (JsonParser parser = JSON.createParser(plan)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME
                        && PLAN_PHOTO_ID.equals(parser.currentName())
                        && parser.nextToken() == JsonToken.VALUE_STRING
                        && photoId.equals(parser.getText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Set<String> stringSet(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasSs() ? Set.of() : Set.copyOf(value.ss());
    }
}
