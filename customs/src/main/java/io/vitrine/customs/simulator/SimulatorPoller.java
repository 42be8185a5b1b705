package io.vitrine.customs.simulator;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the in-process simulator every {@code vitrine.customs.simulator.poll-interval}. */
@Singleton
@Requires(beans = SingleWindowSimulator.class)
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
