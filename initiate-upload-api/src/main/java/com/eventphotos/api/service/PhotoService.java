package com.eventphotos.api.service;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.eventphotos.api.access.EventAccessPolicy;
import com.eventphotos.api.domain.Echo;
import com.eventphotos.api.domain.Listing;
import com.eventphotos.api.domain.Membership;
import com.eventphotos.api.domain.Permission;
import com.eventphotos.api.domain.PhotoNotFoundException;
import com.eventphotos.api.error.InvalidRequestException;
import com.eventphotos.api.model.PhotoPage;
import com.eventphotos.api.model.PhotoView;
import com.eventphotos.api.repository.EventRepository;
import com.eventphotos.api.repository.PhotoRepository;
import com.eventphotos.contract.PhotoRecord;
import com.eventphotos.contract.PhotoStatus;

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

    /** @param limit and {@code nextToken} as the client sent them (null or empty: not given) */
    public PhotoPage list(Membership viewer, String limit, String nextToken) {
        String eventId = viewer.eventId();
        Listing listing = listingFor(viewer);
        int size = pageSize(limit);
        PhotoRepository.RecordPage page = photos.listReady(
                eventId,
                listing,
                size,
                nextToken == null || nextToken.isEmpty() ? null : pageTokens.startKey(nextToken, eventId, listing));
        return new PhotoPage(
                page.records().stream().map(PhotoView::of).toList(),
                page.lastKey() == null ? null : pageTokens.issue(eventId, listing, page.lastKey()));
    }

    /** The photo's record in any status but DELETED; a hidden one for owners only. */
    public PhotoView get(Membership viewer, String photoId) {
        return photos.find(viewer.eventId(), PhotoIds.parse(photoId))
                .filter(record -> record.status() != PhotoStatus.DELETED)
                .filter(record -> !record.hidden() || listingFor(viewer) == Listing.ALL)
                .map(PhotoView::of)
                .orElseThrow(() -> new PhotoNotFoundException(viewer.eventId(), photoId));
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
        photos.delete(eventId, id, record, member.userId(), now, events.releaseUpload(eventId));
    }

    public void setHidden(String eventId, String photoId, boolean hidden) {
        if (!photos.setHidden(eventId, PhotoIds.parse(photoId), hidden)) {
            throw new PhotoNotFoundException(eventId, photoId);
        }
    }

    /** Whoever may hide photos sees the hidden ones too. */
    private static Listing listingFor(Membership membership) {
        return membership.allows(Permission.HIDE_PHOTOS) ? Listing.ALL : Listing.VISIBLE;
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
