package io.vitrine.kernel.jobs.infra;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

/** Starts due jobs every {@code vitrine.jobs.poll-interval} on every instance, as workers are free. */
@Singleton
@Requires(beans = DataSource.class)
@Requires(property = "vitrine.jobs.polling-enabled", value = "true", defaultValue = "true")
class JobPoller {

    private static final Logger LOG = LoggerFactory.getLogger(JobPoller.class);

    private final JobRunner runner;

    JobPoller(JobRunner runner) {
        this.runner = runner;
    }

    @Scheduled(fixedDelay = "${vitrine.jobs.poll-interval:1s}", initialDelay = "${vitrine.jobs.poll-interval:1s}")
    void poll() {
        try {
            runner.startDue();
        } catch (RuntimeException e) {
            // the database may be briefly away; leases make the next poll pick up the rest
            LOG.warn("jobs: claiming round failed, retrying at the next poll", e);
        }
    }
}
