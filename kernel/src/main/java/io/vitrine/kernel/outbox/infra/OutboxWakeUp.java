package io.vitrine.kernel.outbox.infra;

import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Dispatches right after a transaction that published events commits, on this instance, instead of at
 * the next poll: the search index must follow a product change within a second (issue #4), and the
 * poll interval alone would spend that second waiting. Wake-ups coalesce: while a round is queued,
 * more commits add nothing; one arriving during a round queues exactly one more, so no event waits for
 * the poll. The poller still runs on every instance and picks up anything else (events committed by
 * another instance, retries, a failed round). On when polling is ({@code vitrine.outbox.polling-enabled});
 * {@code vitrine.outbox.dispatch-after-commit: false} turns it off alone.
 */
@Singleton
@Requires(beans = DataSource.class)
@Requires(property = "vitrine.outbox.polling-enabled", value = "true", defaultValue = "true")
@Requires(property = "vitrine.outbox.dispatch-after-commit", value = "true", defaultValue = "true")
class OutboxWakeUp {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWakeUp.class);

    private final OutboxDispatcher dispatcher;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "outbox-wake-up");
        thread.setDaemon(true);
        return thread;
    });

    OutboxWakeUp(OutboxDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** Called after a publishing transaction committed; returns at once. */
    void committed() {
        if (queued.compareAndSet(false, true)) {
            try {
                worker.execute(this::dispatch);
            } catch (RejectedExecutionException e) {
                queued.set(false); // shutting down: the next instance's poll delivers
            }
        }
    }

    private void dispatch() {
        queued.set(false);
        try {
            dispatcher.dispatchDue();
        } catch (RuntimeException e) {
            LOG.warn("outbox: dispatch after commit failed, the poller retries", e);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
