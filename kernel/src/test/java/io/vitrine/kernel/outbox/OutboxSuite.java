package io.vitrine.kernel.outbox;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.outbox.infra.OutboxDispatcher;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.vitrine.kernel.outbox.TestListeners.ALWAYS_FAILS;
import static io.vitrine.kernel.outbox.TestListeners.BATCH_RECORDER;
import static io.vitrine.kernel.outbox.TestListeners.RECORDER_A;
import static io.vitrine.kernel.outbox.TestListeners.RECORDER_B;
import static io.vitrine.kernel.outbox.TestListeners.UNTIL_DELIVERED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox contract, run on H2 and on MariaDB. The contexts set max-attempts 3, backoff 10s
 * doubling up to 40s, batches of 10; the clock only moves when a test moves it.
 */
abstract class OutboxSuite {

    private static final TenantId TENANT_A = TenantId.of("outbox-a");
    private static final TenantId TENANT_B = TenantId.of("outbox-b");

    Outbox outbox;
    OutboxDispatcher dispatcher;
    MutableClock clock;
    TransactionOperations<Connection> transactions;
    DeliveryLog log;
    OutboxTables tables;
    String tag;

    protected abstract ApplicationContext context();

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        ApplicationContext context = context();
        transactions = context.getBean(TransactionOperations.class);
        RecordingListener.createEffectsTable(transactions);
        outbox = context.getBean(Outbox.class);
        dispatcher = context.getBean(OutboxDispatcher.class);
        clock = context.getBean(MutableClock.class);
        log = context.getBean(DeliveryLog.class);
        tables = new OutboxTables(transactions);
        tag = UUID.randomUUID().toString().substring(0, 13);
        dispatcher.dispatchDue(); // whatever earlier tests left due is not this test's business
    }

    @Test
    void an_event_published_in_a_transaction_that_rolls_back_is_never_delivered() {
        assertThatThrownBy(() -> transactions.executeWrite(status -> {
            outbox.publish(new TestEvent(TestEvent.RECORDED, TENANT_A, tag + "-rolled-back", "never"));
            throw new IllegalStateException("the change failed");
        })).hasMessage("the change failed");

        dispatcher.dispatchDue();

        assertThat(tables.eventsWithBusinessKeyPrefix(tag)).isZero();
        assertThat(tables.effectsWithBusinessKeyPrefix(tag)).isZero();
    }

    @Test
    void each_listener_gets_each_committed_event_once_inside_the_events_tenant() {
        List<String> ids = publish(
                new TestEvent(TestEvent.RECORDED, TENANT_A, tag + "-1", "first"),
                new TestEvent(TestEvent.RECORDED, TENANT_B, tag + "-2", "second"),
                new TestEvent(TestEvent.RECORDED, TENANT_A, tag + "-3", "third"));

        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        for (String id : ids) {
            for (String listener : List.of(RECORDER_A, RECORDER_B)) {
                assertThat(log.calls(listener, id)).as("%s calls for %s", listener, id).isEqualTo(1);
                assertThat(tables.effects(listener, id)).isEqualTo(1);
                assertThat(tables.delivery(id, listener).status()).isEqualTo("DONE");
                assertThat(tables.effectColumn("seen_tenant", listener, id))
                        .isEqualTo(tables.effectColumn("tenant_id", listener, id));
            }
        }
        assertThat(tables.effectColumn("seen_tenant", RECORDER_A, ids.get(1))).isEqualTo(TENANT_B.value());
        assertThat(tables.effectColumn("note", RECORDER_B, ids.get(2))).isEqualTo("third"); // payload decoded
        assertThat(tables.delivery(ids.get(0), ALWAYS_FAILS)).as("not subscribed to this type").isNull();
    }

    @Test
    void events_published_together_are_each_delivered_once_with_their_own_payload_and_id_in_order() {
        List<TestEvent> events = List.of(
                new TestEvent(TestEvent.RECORDED, TENANT_A, tag + "-all-1", "one"),
                new TestEvent(TestEvent.DOOMED, TENANT_A, tag + "-all-2", "two"),
                new TestEvent(TestEvent.RECORDED, TENANT_B, tag + "-all-3", "three"));
        List<String> ids = transactions.executeWrite(status -> outbox.publishAll(events));

        dispatcher.dispatchDue();

        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
        for (int i : new int[] {0, 2}) {
            for (String listener : List.of(RECORDER_A, RECORDER_B)) {
                assertThat(log.calls(listener, ids.get(i))).isEqualTo(1);
                assertThat(tables.delivery(ids.get(i), listener).status()).isEqualTo("DONE");
            }
        }
        assertThat(tables.effectColumn("note", RECORDER_A, ids.get(0))).isEqualTo("one");
        assertThat(tables.effectColumn("note", RECORDER_B, ids.get(2))).isEqualTo("three");
        assertThat(tables.effectColumn("seen_tenant", RECORDER_A, ids.get(2))).isEqualTo(TENANT_B.value());
        assertThat(tables.delivery(ids.get(1), ALWAYS_FAILS)).as("its own type's listener").isNotNull();
        assertThat(tables.delivery(ids.get(0), ALWAYS_FAILS)).as("not subscribed to this type").isNull();
    }

    @Test
    void a_platform_event_is_delivered_without_a_tenant() {
        String id = publish(new TestEvent(TestEvent.RECORDED, null, tag + "-platform", "for everyone")).get(0);

        dispatcher.dispatchDue();

        assertThat(tables.effects(RECORDER_A, id)).isEqualTo(1);
        assertThat(tables.effectColumn("seen_tenant", RECORDER_A, id)).isNull();
    }

    @Test
    void a_failing_listener_is_retried_with_growing_backoff_then_dead_and_the_others_get_the_event_once() {
        String id = publish(new TestEvent(TestEvent.DOOMED, TENANT_A, tag + "-doomed", "refused")).get(0);

        dispatcher.dispatchDue();
        assertThat(log.calls(ALWAYS_FAILS, id)).isEqualTo(1);
        assertThat(tables.delivery(id, ALWAYS_FAILS)).satisfies(d -> {
            assertThat(d.status()).isEqualTo("PENDING");
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.lastError()).contains("listener refuses " + tag + "-doomed");
        });

        dispatcher.dispatchDue();
        clock.advance(Duration.ofSeconds(9));
        dispatcher.dispatchDue();
        assertThat(log.calls(ALWAYS_FAILS, id)).as("not before the 10s backoff").isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        dispatcher.dispatchDue();
        assertThat(log.calls(ALWAYS_FAILS, id)).isEqualTo(2);

        clock.advance(Duration.ofSeconds(19));
        dispatcher.dispatchDue();
        assertThat(log.calls(ALWAYS_FAILS, id)).as("the second backoff is 20s").isEqualTo(2);

        clock.advance(Duration.ofSeconds(1));
        dispatcher.dispatchDue();
        assertThat(log.calls(ALWAYS_FAILS, id)).isEqualTo(3);
        assertThat(tables.delivery(id, ALWAYS_FAILS)).satisfies(d -> {
            assertThat(d.status()).isEqualTo("DEAD");
            assertThat(d.attempts()).isEqualTo(3);
            assertThat(d.lastError()).contains("IllegalStateException: listener refuses");
        });

        clock.advance(Duration.ofHours(1));
        dispatcher.dispatchDue();
        assertThat(log.calls(ALWAYS_FAILS, id)).as("dead stays dead").isEqualTo(3);
        assertThat(tables.effects(ALWAYS_FAILS, id)).as("each failed attempt rolled back").isZero();
        assertThat(log.calls(RECORDER_A, id)).as("the sibling listener").isEqualTo(1);
        assertThat(tables.effects(RECORDER_A, id)).isEqualTo(1);
    }

    @Test
    void a_listener_that_retries_until_delivered_never_goes_dead_and_delivers_when_the_outage_ends() {
        String key = tag + "-stubborn";
        TestListeners.UntilDelivered.REFUSING.add(key);
        String id = publish(new TestEvent(TestEvent.STUBBORN, TENANT_A, key, "outage")).get(0);
        try {
            dispatcher.dispatchDue();
            // backoff 10s, 20s, then capped at 40s: well past max-attempts (3) without going DEAD
            for (int waited : new int[]{10, 20, 40, 40, 40}) {
                clock.advance(Duration.ofSeconds(waited - 1));
                dispatcher.dispatchDue();
                int before = log.calls(UNTIL_DELIVERED, id);
                clock.advance(Duration.ofSeconds(1));
                dispatcher.dispatchDue();
                assertThat(log.calls(UNTIL_DELIVERED, id)).as("due after %ss, not before", waited).isEqualTo(before + 1);
            }
            assertThat(tables.delivery(id, UNTIL_DELIVERED)).satisfies(d -> {
                assertThat(d.status()).isEqualTo("PENDING");
                assertThat(d.attempts()).isEqualTo(6);
                assertThat(d.lastError()).contains("engine down for " + key);
            });

            // dispatchers that died while holding it, more often than max-attempts: still not given up
            tables.leaseLostAfter(id, UNTIL_DELIVERED, 9, clock.instant());
            TestListeners.UntilDelivered.REFUSING.remove(key);
            dispatcher.dispatchDue();
        } finally {
            TestListeners.UntilDelivered.REFUSING.remove(key);
        }

        assertThat(tables.delivery(id, UNTIL_DELIVERED)).satisfies(d -> {
            assertThat(d.status()).isEqualTo("DONE");
            assertThat(d.attempts()).isEqualTo(10);
        });
        assertThat(tables.effects(UNTIL_DELIVERED, id)).isEqualTo(1);
    }

    @Test
    void a_limited_listener_whose_dispatchers_kept_dying_goes_dead() {
        String id = publish(new TestEvent(TestEvent.RECORDED, TENANT_A, tag + "-died", "crashes")).get(0);
        dispatcher.dispatchDue();
        tables.leaseLostAfter(id, RECORDER_A, 3, clock.instant());

        dispatcher.dispatchDue();

        assertThat(tables.delivery(id, RECORDER_A).status()).isEqualTo("DEAD");
    }

    @Test
    void a_listener_that_already_processed_an_event_does_nothing_when_it_comes_again() {
        String id = publish(new TestEvent(TestEvent.RECORDED, TENANT_A, tag + "-again", "once")).get(0);
        dispatcher.dispatchDue();
        assertThat(log.calls(RECORDER_A, id)).isEqualTo(1);

        tables.makeDueAgain(id, RECORDER_A, clock.instant());
        dispatcher.dispatchDue();

        assertThat(log.calls(RECORDER_A, id)).isEqualTo(1);
        assertThat(tables.effects(RECORDER_A, id)).isEqualTo(1);
        assertThat(tables.delivery(id, RECORDER_A).status()).isEqualTo("DONE");
    }

    @Test
    void two_dispatchers_running_at_once_never_deliver_the_same_delivery_twice() throws Exception {
        List<TestEvent> events = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            events.add(new TestEvent(TestEvent.RECORDED, i % 2 == 0 ? TENANT_A : TENANT_B, tag + "-c" + i, "c" + i));
        }
        List<String> ids = publish(events.toArray(TestEvent[]::new));
        int overlapsBefore = log.overlaps();

        ExecutorService dispatchers = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> rounds = new ArrayList<>();
            for (int d = 0; d < 2; d++) {
                rounds.add(dispatchers.submit(() -> {
                    start.await();
                    int delivered = 0;
                    while (tables.deliveriesOf(ids, "PENDING") > 0) {
                        delivered += dispatcher.dispatchBatch();
                    }
                    return delivered;
                }));
            }
            start.countDown();
            int attempted = 0;
            for (Future<Integer> round : rounds) {
                attempted += round.get(2, TimeUnit.MINUTES); // a hang guard, not a timing assertion
            }
            assertThat(attempted).as("deliveries attempted by both dispatchers together").isEqualTo(120);
        } finally {
            dispatchers.shutdownNow();
        }

        assertThat(log.overlaps()).isEqualTo(overlapsBefore);
        for (String id : ids) {
            for (String listener : List.of(RECORDER_A, RECORDER_B)) {
                assertThat(log.calls(listener, id)).as("%s calls for %s", listener, id).isEqualTo(1);
                assertThat(tables.effects(listener, id)).isEqualTo(1);
            }
        }
    }

    @Test
    void a_dispatcher_skips_deliveries_locked_by_another_claim_and_takes_the_others() throws Exception {
        List<TestEvent> events = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            events.add(new TestEvent(TestEvent.RECORDED, TENANT_A, tag + "-s" + i, "s" + i));
        }
        List<String> ids = publish(events.toArray(TestEvent[]::new)); // 16 deliveries, batches of 10
        List<String> held = ids.subList(0, 4);

        // another dispatcher in the middle of its claim: the rows of 4 events locked, not yet leased
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> claim = other.submit(() -> transactions.executeWrite(status -> {
                tables.lockDeliveries(status.getConnection(), held);
                locked.countDown();
                awaitQuietly(release);
                return null;
            }));
            assertThat(locked.await(2, TimeUnit.MINUTES)).isTrue();

            int taken = dispatcher.dispatchBatch(); // would wait for the locks without SKIP LOCKED

            assertThat(taken).isPositive();
            for (String id : held) {
                assertThat(log.calls(RECORDER_A, id) + log.calls(RECORDER_B, id)).as("locked %s", id).isZero();
            }
            release.countDown();
            claim.get(2, TimeUnit.MINUTES);
        } finally {
            release.countDown();
            other.shutdownNow();
        }
        dispatcher.dispatchDue();

        for (String id : ids) {
            for (String listener : List.of(RECORDER_A, RECORDER_B)) {
                assertThat(log.calls(listener, id)).as("%s calls for %s", listener, id).isEqualTo(1);
                assertThat(tables.effects(listener, id)).isEqualTo(1);
            }
        }
    }

    @Test
    void a_batch_listener_gets_the_due_events_of_each_tenant_in_one_call_and_each_delivery_is_recorded() {
        List<String> ids = publish(
                new TestEvent(TestEvent.BATCHED, TENANT_A, tag + "-b1", "a1"),
                new TestEvent(TestEvent.BATCHED, TENANT_B, tag + "-b2", "b1"),
                new TestEvent(TestEvent.BATCHED, TENANT_A, tag + "-b3", "a2"),
                new TestEvent(TestEvent.BATCHED, null, tag + "-b4", "platform"),
                new TestEvent(TestEvent.BATCHED, TENANT_A, tag + "-b5", "a3"),
                new TestEvent(TestEvent.BATCHED, TENANT_B, tag + "-b6", "b2"));

        assertThat(dispatcher.dispatchBatch()).isEqualTo(6);

        List<List<String>> batches = batchesOfThisTest();
        assertThat(batches).containsExactlyInAnyOrder(
                List.of(tag + "-b1", tag + "-b3", tag + "-b5"), List.of(tag + "-b2", tag + "-b6"), List.of(tag + "-b4"));
        for (String id : ids) {
            assertThat(log.calls(BATCH_RECORDER, id)).isEqualTo(1);
            assertThat(tables.effects(BATCH_RECORDER, id)).isEqualTo(1);
            assertThat(tables.delivery(id, BATCH_RECORDER).status()).isEqualTo("DONE");
            assertThat(tables.effectColumn("seen_tenant", BATCH_RECORDER, id))
                    .isEqualTo(tables.effectColumn("tenant_id", BATCH_RECORDER, id));
        }
        assertThat(tables.effectColumn("seen_tenant", BATCH_RECORDER, ids.get(3))).isNull();
    }

    @Test
    void a_failed_batch_is_retried_whole_with_backoff_never_dead_and_a_processed_event_is_not_handed_again() {
        String refused = tag + "-r2";
        TestListeners.BatchRecorder.REFUSING.add(refused);
        List<String> ids = publish(
                new TestEvent(TestEvent.BATCHED, TENANT_A, tag + "-r1", "r1"),
                new TestEvent(TestEvent.BATCHED, TENANT_A, refused, "r2"),
                new TestEvent(TestEvent.BATCHED, TENANT_A, tag + "-r3", "r3"));
        try {
            dispatcher.dispatchDue();
            assertThat(batchesOfThisTest()).hasSize(1);
            for (String id : ids) {
                assertThat(tables.delivery(id, BATCH_RECORDER)).satisfies(d -> {
                    assertThat(d.status()).isEqualTo("PENDING");
                    assertThat(d.attempts()).isEqualTo(1);
                    assertThat(d.lastError()).contains("engine down for " + refused);
                });
                assertThat(tables.effects(BATCH_RECORDER, id)).as("the whole batch rolled back").isZero();
            }

            // the same backoff as one delivery (10s, 20s, then 40s), past max-attempts (3) without going DEAD
            for (int waited : new int[]{10, 20, 40, 40}) {
                clock.advance(Duration.ofSeconds(waited - 1));
                dispatcher.dispatchDue();
                int before = batchesOfThisTest().size();
                clock.advance(Duration.ofSeconds(1));
                dispatcher.dispatchDue();
                assertThat(batchesOfThisTest()).as("due after %ss, not before, as one batch", waited).hasSize(before + 1);
            }
            assertThat(tables.delivery(ids.get(0), BATCH_RECORDER)).satisfies(d -> {
                assertThat(d.status()).isEqualTo("PENDING");
                assertThat(d.attempts()).isEqualTo(5);
            });

            TestListeners.BatchRecorder.REFUSING.remove(refused);
            clock.advance(Duration.ofSeconds(40));
            dispatcher.dispatchDue();
        } finally {
            TestListeners.BatchRecorder.REFUSING.remove(refused);
        }
        for (String id : ids) {
            assertThat(tables.delivery(id, BATCH_RECORDER).status()).isEqualTo("DONE");
            assertThat(tables.effects(BATCH_RECORDER, id)).isEqualTo(1);
        }

        int batches = batchesOfThisTest().size();
        tables.makeDueAgain(ids.get(0), BATCH_RECORDER, clock.instant());
        dispatcher.dispatchDue();

        assertThat(batchesOfThisTest()).as("already processed: not handed to the listener again").hasSize(batches);
        assertThat(tables.delivery(ids.get(0), BATCH_RECORDER).status()).isEqualTo("DONE");
        assertThat(tables.effects(BATCH_RECORDER, ids.get(0))).isEqualTo(1);
    }

    /** The business keys of each batch handed to the batch listener with this test's events. */
    private List<List<String>> batchesOfThisTest() {
        return TestListeners.BatchRecorder.BATCHES.stream()
                .map(batch -> batch.stream().map(DeliveredEvent::businessKey).toList())
                .filter(keys -> keys.get(0).startsWith(tag))
                .toList();
    }

    @Test
    void publishing_outside_a_transaction_is_refused() {
        assertThatThrownBy(() -> outbox.publish(new TestEvent(TestEvent.RECORDED, TENANT_A, tag + "-loose", "x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside the transaction");
        assertThat(tables.eventsWithBusinessKeyPrefix(tag)).isZero();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<String> publish(TestEvent... events) {
        return transactions.executeWrite(status -> {
            List<String> ids = new ArrayList<>();
            for (TestEvent event : events) {
                ids.add(outbox.publish(event));
            }
            return ids;
        });
    }
}
