package com.eventphotos.localstack.live;

import java.time.Duration;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import io.vertx.core.Vertx;

/**
 * Asks the API again, every {@code interval}, about every open subscription, so that a revoked wall, a guest link
 * taken back or a member removed stops hearing the event within the interval (AppSync asks its authorizer only when
 * subscribing; the API's {@code GET /events/{id}/live} reads fresh, so this is as quick as the interval). One
 * question per token and channel, however many subscriptions share them; at most {@value #CONCURRENT_CHECKS} at
 * once, and one round at a time. Only an explicit refusal ends a subscription: when the API is down or failing,
 * nothing is known and everything stays.
 */
final class SubscriptionRecheck implements AutoCloseable {

    private static final int CONCURRENT_CHECKS = 8;

    private record Question(String authorization, String channel) {}

    private final Vertx vertx;
    private final SubscriptionCheck check;
    private final Collection<Subscription> open;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong rounds = new AtomicLong();
    private final long timer;

    SubscriptionRecheck(Vertx vertx, Duration interval, SubscriptionCheck check, Collection<Subscription> open) {
        this.vertx = vertx;
        this.check = check;
        this.open = open;
        this.timer = vertx.setPeriodic(interval.toMillis(), id -> round());
    }

    /** Rounds finished (tests). */
    long rounds() {
        return rounds.get();
    }

    @Override
    public void close() {
        vertx.cancelTimer(timer);
    }

    private void round() {
        if (!running.compareAndSet(false, true)) {
            return; // the last round is still waiting for the API
        }
        Map<Question, List<Subscription>> questions =
                open.stream().collect(Collectors.groupingBy(s -> new Question(s.authorization(), s.channel())));
        if (questions.isEmpty()) {
            finish();
            return;
        }
        Iterator<Map.Entry<Question, List<Subscription>>> next =
                questions.entrySet().iterator();
        AtomicInteger unanswered = new AtomicInteger(questions.size());
        for (int i = 0; i < CONCURRENT_CHECKS; i++) {
            askNext(next, unanswered);
        }
    }

    private void askNext(Iterator<Map.Entry<Question, List<Subscription>>> next, AtomicInteger unanswered) {
        Map.Entry<Question, List<Subscription>> question;
        synchronized (next) {
            if (!next.hasNext()) {
                return;
            }
            question = next.next();
        }
        check.ask(question.getKey().channel(), question.getKey().authorization())
                // async: an answer that is there at once must not recurse through the whole round
                .thenAcceptAsync(answer -> {
                    try {
                        if (answer.refused()) {
                            question.getValue().forEach(s -> s.connection().revoke(s, answer.reason()));
                        }
                    } finally {
                        if (unanswered.decrementAndGet() == 0) {
                            finish();
                        }
                        askNext(next, unanswered);
                    }
                });
    }

    private void finish() {
        rounds.incrementAndGet();
        running.set(false);
    }
}
