package io.vitrine.kernel.outbox.infra;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

/** Runs the dispatcher every {@code vitrine.outbox.poll-interval} on every instance. */
@Singleton
@Requires(beans = DataSource.class)
@Requires(property = "vitrine.outbox.polling-enabled", value = "true", defaultValue = "true")
class OutboxPoller {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxPoller.class);

    private final OutboxDispatcher dispatcher;

    OutboxPoller(OutboxDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelay = "${vitrine.outbox.poll-interval:1s}", initialDelay = "${vitrine.outbox.poll-interval:1s}")
    void poll() {
        try {
            dispatcher.dispatchDue();
        } catch (RuntimeException e) {
            // the database may be briefly away; claims and leases make the next poll pick up the rest
            LOG.warn("outbox: dispatch round failed, retrying at the next poll", e);
        }
    }
}
