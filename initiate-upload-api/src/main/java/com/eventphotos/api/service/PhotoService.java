package com.eventphotos.api.service;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.eventphotos.api.UploadApiConfig;
import com.eventphotos.api.access.EventAccessPolicy;
import com.eventphotos.api.domain.Echo;
import com.eventphotos.api.domain.EventAccessDeniedException;
import com.eventphotos.api.domain.Listing;
import com.eventphotos.api.domain.Membership;
import com.eventphotos.api.domain.Permission;
import com.eventphotos.api.domain.PhotoNotFoundException;
import com.eventphotos.api.error.InvalidRequestException;
import com.eventphotos.api.model.DownloadLink;
import com.eventphotos.api.model.PhotoPage;
import com.eventphotos.api.repository.EventRepository;
import com.eventphotos.api.repository.PhotoRepository;
import com.eventphotos.api.repository.PhotoRepository.PhotoChange;
import com.eventphotos.api.storage.DownloadUrls;
import com.eventphotos.contract.FileNames;
import com.eventphotos.contract.PhotoContentType;
import com.eventphotos.contract.PhotoRecord;
import com.eventphotos.contract.PhotoStatus;
import com.eventphotos.contract.PhotoView;
import com.eventphotos.contract.ReviewStatus;
import com.eventphotos.contract.live.LiveGallery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * An event's photos as its members see them: listings and single photos with the visibility their role gives
 * (owners see hidden ones), deleting (the uploader or an owner; an unfinished upload is discarded and the cap's place
 * given back) and hiding.
 */
@ApplicationScoped
public class PhotoService {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 100;
    private static final int MAX_FILE_NAME_TITLE = 120;

    @Inject
    PhotoRepository photos;

    @Inject
    EventRepository events;

    @Inject
    MultipartUploadService multipart;

    @Inject
    EventAccessPolicy access;

    @Inject
    PageTokens pageTokens;

    @Inject
    LiveGallery gallery;

    @Inject
    DownloadUrls downloads;

    @Inject
    ExportService exports;

    @Inject
    UploadApiConfig config;

    /**
     * @param limit and {@code nextToken} as the client sent them (null or empty: not given)
     * @param show {@code mine} (the caller's own photos, pending review included), {@code pending} (owners: the review
     *     queue), or null (what the viewer's role shows; a guest without the right to see the event, their own)
     */
    public PhotoPage list(Membership viewer, String limit, String nextToken, String show) {
        String eventId = viewer.eventId();
        Listing listing = listing(viewer, show);
        int size = pageSize(limit);
        PhotoRepository.RecordPage page = photos.listReady(
                eventId,
                listing,
                size,
                nextToken == null || nextToken.isEmpty() ? null : pageTokens.startKey(nextToken, eventId, listing),
                viewer.userId());
        return new PhotoPage(
                page.records().stream().map(PhotoView::of).toList(),
                page.lastKey() == null ? null : pageTokens.issue(eventId, listing, page.lastKey()));
    }

    /**
     * The photo's record in any status but DELETED: a hidden one for owners only, one waiting for review for owners
     * and its uploader, and for a guest who may not see the event only their own.
     */
    public PhotoView get(Membership viewer, String photoId) {
        return seenBy(viewer, photoId)
                .map(PhotoView::of)
                .orElseThrow(() -> new PhotoNotFoundException(viewer.eventId(), photoId));
    }

    /**
     * A link that downloads the photo's original, as uploaded, for its uploader and the event's owners; never for a
     * REJECTED or DELETED photo. Someone who sees the photo but may not have its original gets a 403, anyone else the
     * 404 of a photo they cannot see.
     */
    public DownloadLink original(Membership viewer, String photoId) {
        PhotoRecord record = seenBy(viewer, photoId)
                .filter(r -> r.status() == PhotoStatus.READY && r.s3Key() != null)
                .orElseThrow(() -> new PhotoNotFoundException(viewer.eventId(), photoId));
        if (!viewer.allows(Permission.DOWNLOAD_ANY_ORIGINAL) && !viewer.userId().equals(record.uploadedBy())) {
            throw new EventAccessDeniedException(
                    "only the photo's uploader and the event's owners may download its original");
        }
        String extension = PhotoContentType.fromMimeType(record.contentType())
                .map(PhotoContentType::suffix)
                .orElse("bin");
        return downloads.presign(
                record.s3Key(),
                FileNames.safe(record.title(), MAX_FILE_NAME_TITLE, "photo") + "." + extension,
                config.export().originalUrlExpiry());
    }

    /** The photo's record in any status but DELETED, if the viewer may see it (see {@link #get}). */
    private Optional<PhotoRecord> seenBy(Membership viewer, String photoId) {
        return photos.find(viewer.eventId(), PhotoIds.parse(photoId))
                .filter(record -> record.status() != PhotoStatus.DELETED)
                .filter(record -> !record.hidden() || viewer.allows(Permission.HIDE_PHOTOS))
                .filter(record -> record.reviewStatus() != ReviewStatus.PENDING
                        || viewer.allows(Permission.REVIEW_PHOTOS)
                        || viewer.userId().equals(record.uploadedBy()))
                .filter(record ->
                        viewer.allows(Permission.VIEW_PHOTOS) || viewer.userId().equals(record.uploadedBy()));
    }

    /** Approves a guest's photo: members see it from now on (and open galleries show it). Safe to repeat. */
    public void approve(String eventId, String photoId) {
        UUID id = PhotoIds.parse(photoId);
        photos.approve(eventId, id).ifPresent(change -> tellGalleries(eventId, id, change));
    }

    /** Safe to repeat: a photo deleted already is deleted again (what is left of it). */
    public void delete(Membership member, String photoId, Instant now) {
        String eventId = member.eventId();
        UUID id = PhotoIds.parse(photoId);
        Optional<PhotoRecord> record = photos.find(eventId, id);
        boolean alreadyDeleted =
                record.map(r -> r.status() == PhotoStatus.DELETED).orElse(false);
        if (record.isEmpty()) {
            // nobody knows yet who uploaded it: only an owner may stop it from appearing, others learn there is none
            if (!member.allows(Permission.DELETE_ANY_PHOTO)) {
                throw new PhotoNotFoundException(eventId, photoId);
            }
        } else if (!alreadyDeleted) {
            access.requireMayDelete(member, record.get().uploadedBy());
        }
        multipart.discardUnfinished(eventId, id, record.isEmpty());
        if (photos.delete(eventId, id, record, member.userId(), now, events.releaseUpload(eventId))) {
            tellGalleries(eventId, id, new PhotoChange(record.get().visibleToMembers(), Optional.empty()));
        }
        if (record.isPresent()) {
            exports.photoDeleted(eventId, id, now); // on every repeat too: it finishes a withdrawal that failed
        }
    }

    public void setHidden(String eventId, String photoId, boolean hidden) {
        UUID id = PhotoIds.parse(photoId);
        tellGalleries(eventId, id, photos.setHidden(eventId, id, hidden));
    }

    private void tellGalleries(String eventId, UUID photoId, PhotoChange change) {
        gallery.changed(eventId, photoId, change.wasVisible(), change.after());
    }

    /** Whoever may hide photos sees the hidden ones too; who may not see the event sees their own. */
    private static Listing listing(Membership viewer, String show) {
        if (show == null || show.isEmpty()) {
            if (!viewer.allows(Permission.VIEW_PHOTOS)) {
                return Listing.MINE;
            }
            return viewer.allows(Permission.HIDE_PHOTOS) ? Listing.ALL : Listing.VISIBLE;
        }
        if (show.equals("mine")) {
            return Listing.MINE;
        }
        if (show.equals("pending") && viewer.allows(Permission.REVIEW_PHOTOS)) {
            return Listing.PENDING_REVIEW;
        }
        throw new InvalidRequestException(
                "show",
                show.equals("pending")
                        ? "only the event's owners see the photos waiting for review"
                        : "must be mine or pending, was " + Echo.bounded(show));
    }

    private static int pageSize(String limit) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_PAGE_SIZE;
        }
        try {
            int size = Integer.parseInt(limit);
            if (size >= 1 && size <= MAX_PAGE_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidRequestException(
                "limit", "must be a whole number from 1 to " + MAX_PAGE_SIZE + ", was " + Echo.bounded(limit));
    }
}
