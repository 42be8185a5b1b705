package io.vitrine.kernel.jobs;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.jobs.infra.JobRunner;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.testing.ChildJvm;
import io.vitrine.kernel.testing.KernelContexts;
import io.vitrine.kernel.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job whose instance dies is finished by another: a real child JVM claims a job from the MariaDB
 * database and halts in the middle of it; once the lease is over, this JVM runs the job again to
 * SUCCEEDED, and the handler's idempotent effect is there exactly once per item.
 */
class JobsCrashTest {

    private static final TenantId TENANT = TenantId.of("jobs-crash");
    private static final int ITEMS = 25;

    private final ApplicationContext context = KernelContexts.mariaDb();
    @SuppressWarnings("unchecked")
    private final TransactionOperations<Connection> transactions = context.getBean(TransactionOperations.class);
    private final JobTables tables = new JobTables(transactions);

    @Test
    void a_job_whose_runner_died_mid_run_is_run_again_after_the_lease_and_its_effect_happens_once() throws Exception {
        TestJobHandlers.createEffectsTable(transactions);
        context.getBean(JobRunner.class).runDue(); // nothing else due for the child to pick up
        Jobs jobs = context.getBean(Jobs.class);
        String id = transactions.executeWrite(status ->
                jobs.submit(TestJobHandlers.ITEMS, TENANT, JobInput.none().withParameters("items=" + ITEMS), "crash-test"));

        // the child halts right after the 13th item's effect committed, before reporting it
        int exit = runChild(13);

        assertThat(exit).as("the child halted inside the job").isEqualTo(TestJobHandlers.HALTED);
        Job orphaned = find(jobs, id);
        assertThat(orphaned.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(orphaned.attempts()).isEqualTo(1);
        assertThat(orphaned.done()).as("progress written after the 10th item").isEqualTo(10);
        assertThat(tables.effects(id)).as("effects the child committed").isEqualTo(13);

        JobSettings settings = context.getBean(JobSettings.class);
        context.getBean(MutableClock.class).advanceTo(Instant.now().plus(settings.lease()).plusSeconds(1));
        context.getBean(JobRunner.class).runDue();

        Job finished = find(jobs, id);
        assertThat(finished.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(finished.attempts()).isEqualTo(2);
        assertThat(finished.done()).isEqualTo(ITEMS);
        assertThat(tables.effects(id)).isEqualTo(ITEMS);
        assertThat(tables.duplicatedEffects(id)).isZero();
        assertThat(context.getBean(JobLog.class).runs(id)).as("runs in this JVM").isEqualTo(1);
    }

    private Job find(Jobs jobs, String id) {
        return TenantContext.callAs(TENANT, () -> jobs.find(id)).orElseThrow();
    }

    private int runChild(int haltOnItem) throws Exception {
        return ChildJvm.run(JobsCrashChild.class, Map.of(TestJobHandlers.HALT_ON_ITEM, Integer.toString(haltOnItem)),
                "jobs-crash.log", KernelContexts.mariaDbUrl());
    }
}
