package io.vitrine.kernel.jobs;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.jobs.infra.JobRunner;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.tenancy.TenantNotResolvedException;
import io.vitrine.kernel.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static io.vitrine.kernel.jobs.TestJobHandlers.ALWAYS_FAILS;
import static io.vitrine.kernel.jobs.TestJobHandlers.ITEMS;
import static io.vitrine.kernel.jobs.TestJobHandlers.REFUSES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The background-job contract, run on H2 and on MariaDB. The contexts set concurrency 2, lease 5m,
 * max-attempts 3, retry-delay 10s, progress written every 10 calls (the interval is out of reach),
 * 5 errors kept per job; the clock only moves when a test moves it.
 */
abstract class JobsSuite {

    static final TenantId TENANT_A = TenantId.of("jobs-a");
    static final TenantId TENANT_B = TenantId.of("jobs-b");

    Jobs jobs;
    JobRunner runner;
    MutableClock clock;
    TransactionOperations<Connection> transactions;
    JobLog log;
    JobTables tables;

    protected abstract ApplicationContext context();

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        ApplicationContext context = context();
        transactions = context.getBean(TransactionOperations.class);
        TestJobHandlers.createEffectsTable(transactions);
        jobs = context.getBean(Jobs.class);
        runner = context.getBean(JobRunner.class);
        clock = context.getBean(MutableClock.class);
        log = context.getBean(JobLog.class);
        tables = new JobTables(transactions);
        runner.runDue(); // whatever earlier tests left due is not this test's business
    }

    @Test
    void a_job_submitted_in_a_transaction_that_rolls_back_does_not_exist_and_never_runs() {
        AtomicReference<String> id = new AtomicReference<>();
        assertThatThrownBy(() -> transactions.executeWrite(status -> {
            id.set(jobs.submit(ITEMS, TENANT_A, JobInput.none().withParameters("items=3"), "alice"));
            throw new IllegalStateException("the upload failed");
        })).hasMessage("the upload failed");

        runner.runDue();

        assertThat(tables.jobsWithId(id.get())).isZero();
        assertThat(log.runs(id.get())).isZero();
        assertThat(find(TENANT_A, id.get())).isEmpty();
    }

    @Test
    void submitting_outside_a_transaction_is_refused() {
        assertThatThrownBy(() -> jobs.submit(ITEMS, TENANT_A, JobInput.none(), "alice"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside the transaction");
    }

    @Test
    void a_submitted_job_waits_queued_then_runs_once_inside_its_tenant_and_succeeds() {
        String id = submit(TENANT_B, ITEMS, "items=4");
        Job queued = find(TENANT_B, id).orElseThrow();
        assertThat(queued.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(queued.kind()).isEqualTo(ITEMS);
        assertThat(queued.createdBy()).isEqualTo("alice");
        assertThat(queued.total()).isNull();
        assertThat(queued.input().parameters()).isEqualTo("items=4");

        runner.runDue();

        Job done = find(TENANT_B, id).orElseThrow();
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.total()).isEqualTo(4);
        assertThat(done.done()).isEqualTo(4);
        assertThat(done.failed()).isZero();
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.message()).isEqualTo("4 items");
        assertThat(done.startedAt()).isNotNull();
        assertThat(done.finishedAt()).isNotNull();
        assertThat(log.runs(id)).isEqualTo(1);
        assertThat(tables.effects(id)).isEqualTo(4);
        assertThat(tables.tenantsSeen(id)).containsExactly(TENANT_B.value());
    }

    @Test
    void progress_and_errors_are_visible_while_the_handler_runs_and_after() throws Exception {
        String id = submit(TENANT_A, ITEMS, "items=12,errorEvery=5,pauseAfter=7,flushBeforePause=true");

        List<CompletableFuture<String>> started = runner.startDue();
        try {
            log.awaitPause(id);

            Job running = find(TENANT_A, id).orElseThrow();
            assertThat(running.status()).isEqualTo(JobStatus.RUNNING);
            assertThat(running.total()).isEqualTo(12);
            assertThat(running.done()).isEqualTo(6);
            assertThat(running.failed()).isEqualTo(1);
            assertThat(running.errors()).containsExactly(
                    new JobError(6L, "sku", "GTIN_CHECK_DIGIT: check digit does not match"));
        } finally {
            log.release(id);
        }
        started.forEach(CompletableFuture::join);

        Job done = find(TENANT_A, id).orElseThrow();
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.done()).isEqualTo(10);
        assertThat(done.failed()).isEqualTo(2);
        assertThat(done.errors()).extracting(JobError::row).containsExactly(6L, 11L);
        assertThat(done.errorsTruncated()).isFalse();
    }

    @Test
    void progress_is_written_in_batches_not_once_per_item() throws Exception {
        String id = submit(TENANT_A, ITEMS, "items=25,pauseAfter=25");

        List<CompletableFuture<String>> started = runner.startDue();
        try {
            log.awaitPause(id);

            // written after the 10th and the 20th item; the last 5 wait for the next write
            assertThat(find(TENANT_A, id).orElseThrow().done()).isEqualTo(20);
            assertThat(tables.effects(id)).isEqualTo(25);
        } finally {
            log.release(id);
        }
        started.forEach(CompletableFuture::join);

        assertThat(find(TENANT_A, id).orElseThrow().done()).isEqualTo(25);
    }

    @Test
    void errors_beyond_the_kept_number_are_counted_and_the_list_says_it_is_truncated() {
        String id = submit(TENANT_A, ITEMS, "items=8,errorEvery=1");

        runner.runDue();

        Job done = find(TENANT_A, id).orElseThrow();
        assertThat(done.failed()).isEqualTo(8);
        assertThat(done.errorCount()).isEqualTo(8);
        assertThat(done.errors()).extracting(JobError::row).containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(done.errorsTruncated()).isTrue();
    }

    @Test
    void a_failing_handler_is_retried_after_the_delay_then_failed_with_a_message_after_max_attempts() {
        String id = submit(TENANT_A, ALWAYS_FAILS, null);

        runner.runDue();
        Job first = find(TENANT_A, id).orElseThrow();
        assertThat(first.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.message()).contains("attempt 1 of 3 failed");

        clock.advance(Duration.ofSeconds(9));
        runner.runDue();
        assertThat(log.runs(id)).as("not before the 10s retry delay").isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        runner.runDue();
        assertThat(log.runs(id)).isEqualTo(2);
        clock.advance(Duration.ofSeconds(10));
        runner.runDue();

        Job failed = find(TENANT_A, id).orElseThrow();
        assertThat(log.runs(id)).isEqualTo(3);
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.message()).isEqualTo("failed after 3 attempts: IllegalStateException (details in the server log)");
        assertThat(failed.finishedAt()).isNotNull();

        clock.advance(Duration.ofHours(1));
        runner.runDue();
        assertThat(log.runs(id)).as("failed stays failed").isEqualTo(3);
    }

    @Test
    void a_handler_refusing_its_input_fails_at_once_with_the_refusal() {
        String id = submit(TENANT_A, REFUSES, null);

        runner.runDue();

        Job failed = find(TENANT_A, id).orElseThrow();
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.message()).isEqualTo("file: row 1: the header misses the required column gtin");
        assertThat(log.runs(id)).isEqualTo(1);
    }

    @Test
    void a_job_whose_runner_died_is_claimed_again_only_after_its_lease() {
        String id = submit(TENANT_A, ITEMS, "items=3");
        tables.claimedByADeadRunner(id, 1, clock.instant().plus(Duration.ofMinutes(5)));

        runner.runDue();
        assertThat(log.runs(id)).as("the lease still holds").isZero();

        clock.advance(Duration.ofMinutes(5));
        runner.runDue();

        Job done = find(TENANT_A, id).orElseThrow();
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(log.runs(id)).isEqualTo(1);
    }

    @Test
    void a_job_that_killed_its_runner_max_attempts_times_is_failed() {
        String id = submit(TENANT_A, ITEMS, "items=3");
        tables.claimedByADeadRunner(id, 3, clock.instant());

        runner.runDue();

        Job failed = find(TENANT_A, id).orElseThrow();
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.message()).startsWith("gave up: 3 attempts ended without an outcome");
        assertThat(log.runs(id)).isZero();
    }

    @Test
    void two_runners_at_once_never_run_the_same_job_twice() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            ids.add(submit(i % 2 == 0 ? TENANT_A : TENANT_B, ITEMS, "items=3"));
        }
        int overlapsBefore = log.overlaps();

        JobRunner second = context().createBean(JobRunner.class);
        ExecutorService racers = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> rounds = new ArrayList<>();
            for (JobRunner each : List.of(runner, second)) {
                rounds.add(racers.submit(() -> {
                    start.await();
                    return each.runDue();
                }));
            }
            start.countDown();
            int ran = 0;
            for (Future<Integer> round : rounds) {
                ran += round.get(2, TimeUnit.MINUTES); // a hang guard, not a timing assertion
            }
            assertThat(ran).as("jobs run by both runners together").isEqualTo(16);
        } finally {
            racers.shutdownNow();
            second.close();
        }

        assertThat(log.overlaps()).isEqualTo(overlapsBefore);
        for (String id : ids) {
            assertThat(log.runs(id)).as("runs of %s", id).isEqualTo(1);
            assertThat(tables.effects(id)).isEqualTo(3);
        }
    }

    @Test
    void a_runner_skips_jobs_locked_by_another_claim_and_takes_the_others() throws Exception {
        List<String> ids = List.of(submit(TENANT_A, ITEMS, "items=1"), submit(TENANT_A, ITEMS, "items=1"),
                submit(TENANT_A, ITEMS, "items=1"), submit(TENANT_A, ITEMS, "items=1"));
        List<String> held = ids.subList(0, 2);

        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> claim = other.submit(() -> transactions.executeWrite(status -> {
                tables.lock(status.getConnection(), held);
                locked.countDown();
                awaitQuietly(release);
                return null;
            }));
            assertThat(locked.await(2, TimeUnit.MINUTES)).isTrue();

            List<CompletableFuture<String>> started = runner.startDue(); // would wait for the locks without SKIP LOCKED
            List<String> taken = started.stream().map(CompletableFuture::join).toList();

            assertThat(taken).containsExactlyInAnyOrderElementsOf(ids.subList(2, 4));
            release.countDown();
            claim.get(2, TimeUnit.MINUTES);
        } finally {
            release.countDown();
            other.shutdownNow();
        }
        runner.runDue();

        for (String id : ids) {
            assertThat(log.runs(id)).as("runs of %s", id).isEqualTo(1);
        }
    }

    @Test
    void another_tenant_neither_finds_nor_cancels_the_job() {
        String id = submit(TENANT_A, ITEMS, "items=1");

        assertThat(find(TENANT_B, id)).isEmpty();
        assertThat(TenantContext.callAs(TENANT_B, () -> jobs.cancel(id))).isFalse();
        assertThat(find(TENANT_A, id)).isPresent();
        assertThatThrownBy(() -> jobs.find(id)).isInstanceOf(TenantNotResolvedException.class);

        runner.runDue();
        assertThat(find(TENANT_A, id).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void a_cancelled_queued_job_never_runs() {
        String id = submit(TENANT_A, ITEMS, "items=2");

        assertThat(TenantContext.callAs(TENANT_A, () -> jobs.cancel(id))).isTrue();
        runner.runDue();

        assertThat(find(TENANT_A, id).orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(log.runs(id)).isZero();
        assertThat(TenantContext.callAs(TENANT_A, () -> jobs.cancel(id))).as("already finished").isFalse();
    }

    @Test
    void a_cancelled_running_job_stops_at_its_next_progress_write() throws Exception {
        String id = submit(TENANT_A, ITEMS, "items=40,pauseAfter=5,flushBeforePause=true");
        List<CompletableFuture<String>> started = runner.startDue();
        try {
            log.awaitPause(id);
            assertThat(TenantContext.callAs(TENANT_A, () -> jobs.cancel(id))).isTrue();
        } finally {
            log.release(id);
        }
        started.forEach(CompletableFuture::join);

        Job cancelled = find(TENANT_A, id).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(cancelled.done()).as("the last write before the cancel").isEqualTo(5);
        assertThat(tables.effects(id)).as("stopped at the first write after the pause").isEqualTo(15);
    }

    String submit(TenantId tenant, String kind, String parameters) {
        return transactions.executeWrite(status ->
                jobs.submit(kind, tenant, JobInput.none().withParameters(parameters), "alice"));
    }

    java.util.Optional<Job> find(TenantId tenant, String id) {
        return TenantContext.callAs(tenant, () -> jobs.find(id));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
