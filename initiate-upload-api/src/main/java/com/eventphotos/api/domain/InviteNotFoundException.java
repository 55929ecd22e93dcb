package com.eventphotos.api.domain;

/** No invite has this code (or the code is not a code's shape). */
public class InviteNotFoundException extends ResourceNotFoundException {

    public InviteNotFoundException() {
        super("no such invite: check the link, or ask the event's owner for a new one");
    }
}
