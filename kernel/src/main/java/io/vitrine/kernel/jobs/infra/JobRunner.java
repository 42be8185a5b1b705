package io.vitrine.kernel.jobs.infra;

import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.error.DomainException;
import io.vitrine.kernel.jobs.JobHandler;
import io.vitrine.kernel.jobs.JobSettings;
import io.vitrine.kernel.jobs.JobStoppedException;
import io.vitrine.kernel.tenancy.TenantContext;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs queued jobs on a bounded pool of {@code vitrine.jobs.concurrency} worker threads, safely from
 * any number of instances: due jobs (queued, or running with an expired lease) are claimed with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} and leased in a short transaction, then each runs in
 * {@code TenantContext.runAs(job tenant)}. While a handler runs, its lease is renewed every third of
 * {@code vitrine.jobs.lease}; if the instance dies, the lease runs out and another runner claims
 * the job again (as a new attempt, up to {@code max-attempts}).
 */
@Singleton
public class JobRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final JobRows rows;
    private final JobSql sql;
    private final JobHandlers handlers;
    private final JobSettings settings;
    private final Clock clock;

    private final ExecutorService workers;
    private final ScheduledExecutorService renewals;
    private final Set<RunningJob> active = ConcurrentHashMap.newKeySet();
    private final AtomicInteger busy = new AtomicInteger();
    private volatile boolean closing;

    JobRunner(TransactionOperations<Connection> transactions, JobRows rows, JobHandlers handlers, JobSettings settings,
              Clock clock) {
        this.rows = rows;
        this.sql = new JobSql(transactions);
        this.handlers = handlers;
        this.settings = settings;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(settings.concurrency(), threads("vitrine-job-"));
        this.renewals = Executors.newSingleThreadScheduledExecutor(threads("vitrine-job-lease-"));
        long every = Math.max(1, settings.lease().toMillis() / 3);
        renewals.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Claims as many due jobs as there are idle workers and starts them.
     *
     * @return one future per started job, completing with its id when the attempt has ended
     */
    public synchronized List<CompletableFuture<String>> startDue() {
        int idle = settings.concurrency() - busy.get();
        Set<String> kinds = handlers.kinds();
        if (closing || idle <= 0 || kinds.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<JobRows.Claim> claims = sql.inOwnTransaction(connection ->
                rows.claimDue(connection, kinds, now, idle, now.plus(settings.lease()), settings.maxAttempts()));
        List<CompletableFuture<String>> started = new ArrayList<>();
        for (JobRows.Claim claim : claims) {
            busy.incrementAndGet();
            started.add(CompletableFuture.runAsync(() -> run(claim), workers)
                    .handle((ignored, failure) -> {
                        busy.decrementAndGet();
                        return claim.id();
                    }));
        }
        return started;
    }

    /** Runs due jobs until none is left (what tests and tools use instead of polling); returns how many ran. */
    public int runDue() {
        int ran = 0;
        List<CompletableFuture<String>> started;
        while (!(started = startDue()).isEmpty()) {
            started.forEach(CompletableFuture::join);
            ran += started.size();
        }
        return ran;
    }

    private void run(JobRows.Claim claim) {
        RunningJob job = new RunningJob(claim, rows, sql, settings, clock);
        active.add(job);
        try {
            JobHandler handler = handlers.forKind(claim.kind())
                    .orElseThrow(() -> new IllegalStateException("no handler for " + claim.kind()));
            LOG.info("jobs: {} starts", job);
            TenantContext.<Void, Exception>callAs(claim.tenant(), () -> {
                handler.run(job);
                return null;
            });
            outcome(job, job.succeed(), "succeeded");
        } catch (JobStoppedException e) {
            LOG.info("jobs: {} stopped: cancelled or taken over", job);
        } catch (Exception e) {
            failed(job, e);
        } finally {
            active.remove(job);
        }
    }

    private void failed(RunningJob job, Exception e) {
        if (closing) {
            // interrupted by shutdown: leave the claim to expire, another instance runs the job again
            LOG.info("jobs: {} interrupted by shutdown; it runs again after its lease", job);
            return;
        }
        try {
            if (e instanceof DomainException refusal) {
                // bad input, a business rule: trying again would refuse again
                LOG.info("jobs: {} refused: {}", job, refusal.getMessage());
                outcome(job, job.fail(refusal.getMessage()), "failed");
            } else if (job.attempt() >= settings.maxAttempts()) {
                LOG.error("jobs: {} failed, no attempts left", job, e);
                outcome(job, job.fail("failed after " + job.attempt() + " attempts: " + e.getClass().getSimpleName()
                        + " (details in the server log)"), "failed");
            } else {
                LOG.warn("jobs: {} failed, tried again in {}", job, settings.retryDelay(), e);
                outcome(job, job.retryLater("attempt " + job.attempt() + " of " + settings.maxAttempts() + " failed: "
                        + e.getClass().getSimpleName() + "; trying again"), "queued again");
            }
        } catch (RuntimeException writing) {
            // the database may be away: the lease runs out and the job is claimed again
            LOG.warn("jobs: could not record the outcome of {}", job, writing);
        }
    }

    private static void outcome(RunningJob job, boolean recorded, String what) {
        if (recorded) {
            LOG.info("jobs: {} {}", job, what);
        } else {
            LOG.info("jobs: {} ended, but it was cancelled or taken over meanwhile; outcome not recorded", job);
        }
    }

    private void renewLeases() {
        for (RunningJob job : active) {
            try {
                job.renewLease();
            } catch (RuntimeException e) {
                LOG.warn("jobs: could not renew the lease of {}", job, e);
            }
        }
    }

    @Override
    @PreDestroy
    public void close() {
        closing = true;
        renewals.shutdownNow();
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("jobs: {} job(s) still running at shutdown; they run again after their lease", active.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger number = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, prefix + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
