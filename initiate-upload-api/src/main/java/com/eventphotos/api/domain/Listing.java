package com.eventphotos.api.domain;

import com.eventphotos.contract.PhotoTable;

/** Which READY photos a listing shows, and the index that holds exactly those, newest first. */
public enum Listing {
    /** Every READY photo, hidden ones included: what owners see (the table's LSI, strongly consistent). */
    ALL(PhotoTable.BY_UPLOAD_TIME_INDEX, PhotoTable.UPLOADED_AT_PHOTO_ID),
    /** READY photos nobody hid: what other members see (a GSI, eventually consistent within about a second). */
    VISIBLE(PhotoTable.VISIBLE_BY_UPLOAD_TIME_INDEX, PhotoTable.VISIBLE_UPLOADED_AT_PHOTO_ID),
    /**
     * The caller's own READY photos, pending review included: a guest's uploads (the owners' index, filtered by
     * uploader, so a page may hold fewer than asked for).
     */
    MINE(PhotoTable.BY_UPLOAD_TIME_INDEX, PhotoTable.UPLOADED_AT_PHOTO_ID),
    /** Guests' photos waiting for an owner's approval: the review queue (the owners' index, filtered). */
    PENDING_REVIEW(PhotoTable.BY_UPLOAD_TIME_INDEX, PhotoTable.UPLOADED_AT_PHOTO_ID);

    private final String index;
    private final String sortKey;

    Listing(String index, String sortKey) {
        this.index = index;
        this.sortKey = sortKey;
    }

    public String index() {
        return index;
    }

    public String sortKey() {
        return sortKey;
    }
}
