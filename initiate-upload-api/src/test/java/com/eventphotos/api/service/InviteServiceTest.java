package com.eventphotos.api.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.eventphotos.api.RealServers;
import com.eventphotos.api.TestEvents;
import com.eventphotos.api.domain.InviteUnusableException;
import com.eventphotos.api.model.AcceptedInvite;

import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Accepting an invite: collisions are retried until each accept has its answer, and a use is counted once. */
@QuarkusTest
@RealServers
class InviteServiceTest {

    @Inject
    InviteService invites;

    @Test
    void accept_shouldCountOneUse_andAnswerEveryCall_whenTheSameGuestAcceptsManyTimesAtOnce() throws Exception {
        String eventId = TestEvents.created(TestEvents.OWNER, "accept-race");
        String code = TestEvents.invite(TestEvents.OWNER, eventId, "CONTRIBUTOR");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<AcceptedInvite>> answers = new ArrayList<>();
        Callable<AcceptedInvite> accept = () -> invites.accept(code, "racing-guest", "Racing Guest", Instant.now());
        for (int i = 0; i < 8; i++) {
            answers.add(pool.submit(accept));
        }
        int joined = 0;
        for (Future<AcceptedInvite> answer : answers) {
            AcceptedInvite accepted = answer.get();
            assertEquals("CONTRIBUTOR", accepted.role().name());
            joined += accepted.alreadyMember() ? 0 : 1;
        }
        pool.shutdown();

        assertEquals(1, joined, "one accept made the member, the others found the membership");
        assertEquals(1, invites.invites(eventId, null).get(0).uses(), "one use counted");
    }

    @Test
    void accept_shouldSayWhy_whenTheInviteWasRevoked() {
        String eventId = TestEvents.created(TestEvents.OWNER, "accept-revoked");
        String code = TestEvents.invite(TestEvents.OWNER, eventId, "VIEWER");
        invites.revoke(eventId, code);

        InviteUnusableException refused = assertThrows(
                InviteUnusableException.class, () -> invites.accept(code, "late-guest", "Late", Instant.now()));

        assertEquals(InviteUnusableException.Reason.REVOKED, refused.reason());
    }
}
