package com.eventphotos.api.service;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import com.eventphotos.api.UploadApiConfig;
import com.eventphotos.api.domain.EventAccessDeniedException;
import com.eventphotos.api.domain.UploadConflictException;
import com.eventphotos.api.domain.UploadGoneException;
import com.eventphotos.api.domain.UploadNotFoundException;
import com.eventphotos.api.error.InvalidRequestException;
import com.eventphotos.api.model.CompleteUploadRequest;
import com.eventphotos.api.model.CompletedUpload;
import com.eventphotos.api.model.MultipartUploadView;
import com.eventphotos.api.model.PartUrl;
import com.eventphotos.api.model.UploadedPart;
import com.eventphotos.api.repository.MultipartSession;
import com.eventphotos.api.repository.MultipartUploadRepository;
import com.eventphotos.api.storage.PhotoStorage;
import com.eventphotos.api.storage.PhotoStorage.CompletionConflictException;
import com.eventphotos.api.storage.PhotoStorage.ObjectExistsException;
import com.eventphotos.api.storage.PhotoStorage.PartToJoin;
import com.eventphotos.api.storage.PhotoStorage.PartsRefusedException;
import com.eventphotos.api.storage.PhotoStorage.StoredPart;
import com.eventphotos.api.storage.PhotoStorage.UploadMissingException;
import com.eventphotos.contract.MultipartUploads;
import com.eventphotos.contract.PhotoMetadata;
import com.eventphotos.contract.UploadUrlPresigner.PresignedUpload;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Resumable uploads: S3 multipart uploads the API starts (with the photo's metadata and Content-Type, which the
 * client cannot change), whose parts the client PUTs with URLs bound to part number, size and SHA-256, and which only
 * the member who started them may resume, complete or abort.
 */
@ApplicationScoped
public class MultipartUploadService {

    private static final Logger LOG = Logger.getLogger(MultipartUploadService.class);
    private static final Pattern SHA256_BASE64 = Pattern.compile("[A-Za-z0-9+/]{43}=");

    @Inject
    PhotoStorage storage;

    @Inject
    MultipartUploadRepository sessions;

    @Inject
    UploadApiConfig config;

    Clock clock = Clock.systemUTC();

    /** Checks the declared parts before anything is created, so a bad request leaves nothing behind. */
    public void requireValidParts(Long contentLength, List<String> partChecksums) {
        long partSize = config.multipart().partSize();
        if (contentLength == null) {
            throw new InvalidRequestException("contentLength", "is required for an upload in parts");
        }
        int expected = MultipartUploads.partCount(contentLength, partSize);
        String how =
                "the base64 SHA-256 of each " + partSize + "-byte part of the file (the last part holds the rest): "
                        + expected + " for " + contentLength + " bytes";
        if (partChecksums == null || partChecksums.isEmpty()) {
            throw new InvalidRequestException("partChecksums", "is required for an upload in parts: " + how);
        }
        if (partChecksums.size() != expected) {
            throw new InvalidRequestException(
                    "partChecksums", "has " + partChecksums.size() + " entries, needs " + how);
        }
        for (int i = 0; i < partChecksums.size(); i++) {
            String checksum = partChecksums.get(i);
            if (checksum == null || !SHA256_BASE64.matcher(checksum).matches()) {
                throw new InvalidRequestException(
                        "partChecksums[" + i + "]", "must be a base64 SHA-256 (44 characters ending in '=')");
            }
        }
    }

    public MultipartUploadView start(
            PhotoMetadata metadata, Map<String, String> userMetadata, long contentLength, List<String> partChecksums) {
        requireValidParts(contentLength, partChecksums);
        String uploadId =
                storage.startMultipart(metadata.key(), metadata.contentType().mimeType(), userMetadata);
        MultipartSession session = new MultipartSession(
                metadata.eventId(),
                metadata.photoId(),
                metadata.key(),
                uploadId,
                metadata.uploadedBy(),
                contentLength,
                config.multipart().partSize(),
                List.copyOf(partChecksums),
                clock.instant(),
                null);
        try {
            sessions.save(session);
        } catch (RuntimeException e) {
            abortQuietly(session); // nobody could ever complete or abort it: do not leave its parts to the lifecycle
            throw e;
        }
        return view(session, List.of());
    }

    /** What S3 holds of the upload, and fresh URLs for the rest: for resuming, and for renewing expired URLs. */
    public MultipartUploadView status(String eventId, String photoId, String caller) {
        MultipartSession session = unfinished(eventId, PhotoIds.parse(photoId), caller);
        try {
            return view(session, uploadedParts(session));
        } catch (UploadMissingException e) {
            throw uploadGone(session);
        }
    }

    /**
     * Joins the parts into the photo. Safe to repeat: once S3 has joined them, the same call answers the same, also
     * when the first call's answer was lost on its way (S3 then no longer knows the upload, but holds the photo).
     */
    public CompletedUpload complete(
            String eventId, String photoId, List<CompleteUploadRequest.Part> parts, String caller) {
        MultipartSession session = started(eventId, PhotoIds.parse(photoId), caller);
        if (session.completed()) {
            return completedAnswer(session);
        }
        requireNotExpired(session);
        requireEveryPartInOrder(session, parts);
        try {
            joinParts(session, parts);
        } catch (UploadMissingException e) {
            // completed by an earlier call whose answer was lost (then S3 holds the photo), or aborted
            return completedBefore(session);
        } catch (ObjectExistsException e) {
            // the key holds an object already (write-once): what was joined first stays the photo, these parts go
            abortQuietly(session);
            return completedBefore(session);
        }
        sessions.markCompleted(session, clock.instant());
        return completedAnswer(session);
    }

    /** S3 holds the photo this upload was started for (joined earlier): completed; otherwise the upload is gone. */
    private CompletedUpload completedBefore(MultipartSession session) {
        if (!holdsPhoto(session)) {
            throw uploadGone(session);
        }
        sessions.markCompleted(session, clock.instant());
        return completedAnswer(session);
    }

    /** The upload is gone from S3 with no photo to show for it: forget it (its place was counted by the cap). */
    private UploadGoneException uploadGone(MultipartSession session) {
        sessions.remove(session, false);
        return new UploadGoneException("S3 no longer holds this upload: it was aborted. Start the upload again");
    }

    /** Checks the parts S3 holds against the client's list and the declared size, then has S3 join them. */
    private void joinParts(MultipartSession session, List<CompleteUploadRequest.Part> parts) {
        Map<Integer, UploadedPart> held = new HashMap<>();
        uploadedParts(session).forEach(part -> held.put(part.partNumber(), part));
        long total = 0;
        for (CompleteUploadRequest.Part part : parts) {
            UploadedPart stored = held.get(part.partNumber());
            if (stored == null) {
                throw new InvalidRequestException(
                        "parts", "part " + part.partNumber() + " has not been uploaded (GET the upload for its URL)");
            }
            if (!unquoted(stored.etag()).equals(unquoted(part.etag()))) {
                throw new InvalidRequestException(
                        "parts", "part " + part.partNumber() + ": the ETag does not match the part S3 holds");
            }
            total += stored.size();
        }
        if (total != session.contentLength() || total > config.maxContentLength()) {
            throw new InvalidRequestException(
                    "parts",
                    "the parts hold " + total + " bytes; the upload was started for " + session.contentLength()
                            + " bytes and may be at most " + config.maxContentLength());
        }
        List<PartToJoin> joined = parts.stream()
                .map(part -> new PartToJoin(
                        part.partNumber(), held.get(part.partNumber()).etag(), session.checksum(part.partNumber())))
                .toList();
        try {
            storage.completeMultipart(session.key(), session.uploadId(), joined);
        } catch (CompletionConflictException e) {
            throw new UploadConflictException();
        } catch (PartsRefusedException e) {
            throw new InvalidRequestException("parts", "S3 refused to complete the upload: " + e.getMessage());
        }
        // UploadMissing and ObjectExists: complete() tells completed from aborted
    }

    private static CompletedUpload completedAnswer(MultipartSession session) {
        return new CompletedUpload(session.photoId(), session.key().toString(), session.contentLength(), "PROCESSING");
    }

    /** Whether S3 holds the photo this upload was started for, whole. */
    private boolean holdsPhoto(MultipartSession session) {
        OptionalLong size = storage.size(session.key().toString());
        return size.isPresent() && size.getAsLong() == session.contentLength();
    }

    /** Discards the parts and gives the upload's place under the event's photo cap back. */
    public void abort(String eventId, String photoId, String caller) {
        MultipartSession session = started(eventId, PhotoIds.parse(photoId), caller);
        if (session.completed()) {
            throw noUnfinishedUpload(eventId, session.photoId());
        }
        abortQuietly(session);
        sessions.remove(session, true);
    }

    /**
     * When a photo is deleted before its upload in parts was completed: S3 discards the parts, and nobody can
     * complete it any more.
     *
     * @param releasePlace whether to give the place under the cap back: the deletion of a photo without a record
     *     does not (it cannot know the id was ever counted), but an unfinished upload was
     */
    public void discardUnfinished(String eventId, UUID photoId, boolean releasePlace) {
        sessions.find(eventId, photoId).ifPresent(session -> {
            if (session.completed()) {
                sessions.remove(session, false); // the photo's own deletion gives its place back
                return;
            }
            abortQuietly(session);
            sessions.remove(session, releasePlace);
        });
    }

    private MultipartSession started(String eventId, UUID photoId, String caller) {
        MultipartSession session =
                sessions.find(eventId, photoId).orElseThrow(() -> noUnfinishedUpload(eventId, photoId));
        if (!session.startedBy().equals(caller)) {
            throw new EventAccessDeniedException(
                    "only the member who started this upload may resume, complete or abort it");
        }
        return session;
    }

    private MultipartSession unfinished(String eventId, UUID photoId, String caller) {
        MultipartSession session = started(eventId, photoId, caller);
        if (session.completed()) {
            throw noUnfinishedUpload(eventId, photoId);
        }
        requireNotExpired(session);
        return session;
    }

    /** The bucket's lifecycle may discard the parts at any moment after completeBy: refuse, and abort it now. */
    private void requireNotExpired(MultipartSession session) {
        if (!clock.instant().isBefore(session.completeBy())) {
            abortQuietly(session);
            sessions.remove(session, true);
            throw new UploadGoneException(
                    "the upload started at " + session.startedAt() + " and could be completed until "
                            + session.completeBy() + "; S3 discards unfinished uploads after that: start again");
        }
    }

    private static UploadNotFoundException noUnfinishedUpload(String eventId, UUID photoId) {
        return new UploadNotFoundException(eventId, photoId);
    }

    private static void requireEveryPartInOrder(MultipartSession session, List<CompleteUploadRequest.Part> parts) {
        boolean inOrder = parts.size() == session.partCount();
        for (int i = 0; inOrder && i < parts.size(); i++) {
            inOrder = parts.get(i).partNumber() == i + 1;
        }
        if (!inOrder) {
            throw new InvalidRequestException(
                    "parts",
                    "must list parts 1 to " + session.partCount() + " in order, each with the ETag of its upload");
        }
    }

    /** Parts S3 holds that are the ones this upload's URLs allow: right number and size. */
    private List<UploadedPart> uploadedParts(MultipartSession session) {
        List<UploadedPart> parts = new ArrayList<>();
        for (StoredPart part : storage.listParts(session.key(), session.uploadId())) {
            int number = part.partNumber();
            if (number <= session.partCount() && part.size() == session.partLength(number)) {
                parts.add(new UploadedPart(number, part.size(), part.etag()));
            }
        }
        return parts;
    }

    private MultipartUploadView view(MultipartSession session, List<UploadedPart> uploaded) {
        Duration left = Duration.between(clock.instant(), session.completeBy());
        List<PartUrl> urls = new ArrayList<>();
        for (int number = 1; number <= session.partCount(); number++) {
            int partNumber = number;
            if (uploaded.stream().noneMatch(part -> part.partNumber() == partNumber)) {
                long size = session.partLength(number);
                PresignedUpload url = storage.presignPart(
                        session.key(), session.uploadId(), number, size, session.checksum(number), left);
                urls.add(new PartUrl(number, size, url.url(), url.method(), url.headers(), url.expiresAt()));
            }
        }
        return new MultipartUploadView(
                session.photoId(),
                session.key().toString(),
                session.contentLength(),
                session.partSize(),
                session.partCount(),
                session.startedAt(),
                session.completeBy(),
                uploaded,
                urls);
    }

    private void abortQuietly(MultipartSession session) {
        try {
            storage.abortMultipart(session.key(), session.uploadId());
        } catch (UploadMissingException e) {
            LOG.debugf("upload %s was already gone", session.uploadId());
        }
    }

    private static String unquoted(String etag) {
        return etag.replace("\"", "");
    }
}
