package io.vitrine.customs.simulator;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.vitrine.customs.exchange.MessageHandoff;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the in-process simulator every {@code vitrine.customs.simulator.poll-interval}, only when something in this
 * application can send to it (a {@link MessageHandoff}: a signer and the exchange): without one its send folder stays
 * empty and ticking would be wasted work. A simulator fed from outside runs as its own process ({@code SimulatorMain}).
 */
@Singleton
@Requires(beans = {SingleWindowSimulator.class, MessageHandoff.class})
class SimulatorPoller {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorPoller.class);

    private final SingleWindowSimulator simulator;

    SimulatorPoller(SingleWindowSimulator simulator) {
        this.simulator = simulator;
    }

    @Scheduled(fixedDelay = "${vitrine.customs.simulator.poll-interval:1s}",
            initialDelay = "${vitrine.customs.simulator.poll-interval:1s}")
    void poll() {
        try {
            simulator.tick();
        } catch (RuntimeException e) {
            LOG.warn("single-window simulator: tick failed, retried at the next one: {}", e.toString());
        }
    }
}
