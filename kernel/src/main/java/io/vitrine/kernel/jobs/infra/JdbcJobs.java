package io.vitrine.kernel.jobs.infra;

import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.jobs.Job;
import io.vitrine.kernel.jobs.JobInput;
import io.vitrine.kernel.jobs.Jobs;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** Jobs in the {@code jobs} table: submitted on the caller's connection, read tenant-scoped. */
@Singleton
class JdbcJobs implements Jobs {

    private final TransactionOperations<Connection> transactions;
    private final JobRows rows;
    private final CurrentTenant currentTenant;
    private final Clock clock;
    private final Ids ids;

    JdbcJobs(TransactionOperations<Connection> transactions, JobRows rows, CurrentTenant currentTenant, Clock clock,
             Ids ids) {
        this.transactions = transactions;
        this.rows = rows;
        this.currentTenant = currentTenant;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public String submit(String kind, TenantId tenant, JobInput input, String createdBy) {
        required(kind, "kind", 64);
        required(createdBy, "created-by", 100);
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(input, "input");
        if (transactions.findTransactionStatus().isEmpty()) {
            // outside a transaction the job could run while the change that accepted it rolls back
            throw new IllegalStateException("Jobs.submit(" + kind + ") must run inside the transaction that "
                    + "accepts the work (@Transactional or TransactionOperations)");
        }
        String id = ids.nextId();
        try {
            rows.insert(transactions.getConnection(), id, tenant, kind, input, createdBy, clock.instant());
        } catch (SQLException e) {
            throw new IllegalStateException("could not queue a " + kind + " job", e);
        }
        return id;
    }

    @Override
    public Optional<Job> find(String jobId) {
        TenantId tenant = currentTenant.require();
        if (jobId == null || jobId.length() > 36) {
            return Optional.empty();
        }
        return transactions.executeRead(status -> {
            try {
                return rows.find(status.getConnection(), tenant, jobId);
            } catch (SQLException e) {
                throw new IllegalStateException("could not read job " + jobId, e);
            }
        });
    }

    @Override
    public boolean cancel(String jobId) {
        TenantId tenant = currentTenant.require();
        if (jobId == null || jobId.length() > 36) {
            return false;
        }
        return transactions.executeWrite(status -> {
            try {
                return rows.cancel(status.getConnection(), tenant, jobId, clock.instant());
            } catch (SQLException e) {
                throw new IllegalStateException("could not cancel job " + jobId, e);
            }
        });
    }

    private static void required(String value, String what, int maxLength) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw new IllegalArgumentException("a job needs a " + what + " of 1-" + maxLength + " characters");
        }
    }
}
