package io.vitrine.oversight.stats.infra;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.vitrine.oversight.stats.KioskSampling;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link KioskSampling} every {@code vitrine.oversight.stats.kiosk-sample-interval} (5m) on every instance; the
 * first instance to take a slot samples it, the others find it taken. Off with
 * {@code vitrine.oversight.stats.kiosk-sampling-enabled: false}.
 */
@Singleton
@Requires(property = "vitrine.oversight.stats.kiosk-sampling-enabled", notEquals = "false")
class KioskSamplingRound {

    private static final Logger LOG = LoggerFactory.getLogger(KioskSamplingRound.class);

    private final KioskSampling sampling;

    KioskSamplingRound(KioskSampling sampling) {
        this.sampling = sampling;
    }

    @Scheduled(fixedDelay = "${vitrine.oversight.stats.kiosk-sample-interval:5m}",
            initialDelay = "${vitrine.oversight.stats.kiosk-sample-interval:5m}")
    void run() {
        try {
            sampling.sample().ifPresent(s -> LOG.debug("statistics: kiosks sampled at {}: {} of {} online", s.slot(),
                    s.online(), s.kiosks()));
        } catch (RuntimeException e) {
            LOG.warn("statistics: kiosk sample failed, trying again at the next slot", e);
        }
    }
}
