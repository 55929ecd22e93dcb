package com.eventphotos.api.domain;

/** A guest, or all the guests of one link together, have started as many uploads as they may. */
public class GuestQuotaException extends ConflictException {

    private GuestQuotaException(String message) {
        super(message);
    }

    public static GuestQuotaException ofGuest(int maxFiles, long maxBytes) {
        return new GuestQuotaException("a guest may upload at most " + maxFiles + " photos and " + (maxBytes >> 20)
                + " MiB: ask the event's owner if you need more");
    }

    public static GuestQuotaException ofLink(int maxFiles) {
        return new GuestQuotaException("the guests of this link have uploaded its " + maxFiles
                + " photos: ask the event's owner for another link");
    }
}
