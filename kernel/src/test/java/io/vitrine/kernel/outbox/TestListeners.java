package io.vitrine.kernel.outbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.testing.KernelContexts;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The outbox tests' listeners. */
final class TestListeners {

    static final String RECORDER_A = "test.recorder-a";
    static final String RECORDER_B = "test.recorder-b";
    static final String ALWAYS_FAILS = "test.always-fails";
    static final String UNTIL_DELIVERED = "test.until-delivered";
    static final String BATCH_RECORDER = "test.batch-recorder";

    /** Set in a child JVM: recorder B halts the JVM inside its n-th delivery, before it commits. */
    static final String HALT_ON_DELIVERY = "vitrine.test.halt-on-delivery";

    private TestListeners() {
    }

    @Singleton
    @Requires(property = KernelContexts.FIXTURES, value = "true")
    static class RecorderA extends RecordingListener {
        RecorderA(DeliveryLog log, TransactionOperations<Connection> transactions) {
            super(log, transactions);
        }

        @Override
        public String name() {
            return RECORDER_A;
        }

        @Override
        public Set<String> eventTypes() {
            return Set.of(TestEvent.RECORDED, TestEvent.DOOMED, TestEvent.CRASH);
        }
    }

    @Singleton
    @Requires(property = KernelContexts.FIXTURES, value = "true")
    static class RecorderB extends RecordingListener {
        private final AtomicInteger deliveries = new AtomicInteger();

        RecorderB(DeliveryLog log, TransactionOperations<Connection> transactions) {
            super(log, transactions);
        }

        @Override
        public String name() {
            return RECORDER_B;
        }

        @Override
        public Set<String> eventTypes() {
            return Set.of(TestEvent.RECORDED, TestEvent.CRASH);
        }

        @Override
        void afterEffect(DeliveredEvent event) {
            Integer haltOn = Integer.getInteger(HALT_ON_DELIVERY);
            if (haltOn != null && deliveries.incrementAndGet() == haltOn) {
                Runtime.getRuntime().halt(OutboxCrashChild.HALTED); // a crash: no rollback, no hooks, no goodbye
            }
        }
    }

    @Singleton
    @Requires(property = KernelContexts.FIXTURES, value = "true")
    static class AlwaysFails extends RecordingListener {
        AlwaysFails(DeliveryLog log, TransactionOperations<Connection> transactions) {
            super(log, transactions);
        }

        @Override
        public String name() {
            return ALWAYS_FAILS;
        }

        @Override
        public Set<String> eventTypes() {
            return Set.of(TestEvent.DOOMED);
        }

        @Override
        void afterEffect(DeliveredEvent event) {
            throw new IllegalStateException("listener refuses " + event.businessKey());
        }
    }

    /** Retries until delivered; refuses events whose business key is in {@link #REFUSING} (an outage). */
    @Singleton
    @Requires(property = KernelContexts.FIXTURES, value = "true")
    static class UntilDelivered extends RecordingListener {
        static final Set<String> REFUSING = ConcurrentHashMap.newKeySet();

        UntilDelivered(DeliveryLog log, TransactionOperations<Connection> transactions) {
            super(log, transactions);
        }

        @Override
        public String name() {
            return UNTIL_DELIVERED;
        }

        @Override
        public Set<String> eventTypes() {
            return Set.of(TestEvent.STUBBORN);
        }

        @Override
        public OutboxRetries retries() {
            return OutboxRetries.UNTIL_DELIVERED;
        }

        @Override
        void afterEffect(DeliveredEvent event) {
            if (REFUSING.contains(event.businessKey())) {
                throw new IllegalStateException("engine down for " + event.businessKey());
            }
        }
    }

    /**
     * Takes its events in batches, writes one effect per event, and remembers each batch it was handed (rolled back
     * or not). Retries until delivered; a batch holding an event whose key is in {@link #REFUSING} fails whole.
     */
    @Singleton
    @Requires(property = KernelContexts.FIXTURES, value = "true")
    static class BatchRecorder extends RecordingListener implements BatchOutboxListener {
        static final Set<String> REFUSING = ConcurrentHashMap.newKeySet();
        static final List<List<DeliveredEvent>> BATCHES = new CopyOnWriteArrayList<>();

        BatchRecorder(DeliveryLog log, TransactionOperations<Connection> transactions) {
            super(log, transactions);
        }

        @Override
        public String name() {
            return BATCH_RECORDER;
        }

        @Override
        public Set<String> eventTypes() {
            return Set.of(TestEvent.BATCHED);
        }

        @Override
        public OutboxRetries retries() {
            return OutboxRetries.UNTIL_DELIVERED;
        }

        @Override
        public void onBatch(List<DeliveredEvent> events) {
            BATCHES.add(List.copyOf(events));
            events.forEach(super::on);
        }

        @Override
        void afterEffect(DeliveredEvent event) {
            if (REFUSING.contains(event.businessKey())) {
                throw new IllegalStateException("engine down for " + event.businessKey());
            }
        }
    }
}
