package io.vitrine.kernel.jobs;

import io.vitrine.kernel.testing.SqlProbe;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.time.infra.SqlInstants;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What the job tests read from, and do to, the database behind the runner's back. */
final class JobTables extends SqlProbe {


    JobTables(TransactionOperations<Connection> transactions) {
        super(transactions);
    }

    int jobsWithId(String id) {
        return count("SELECT COUNT(*) FROM jobs WHERE id = ?", id);
    }

    int effects(String jobId) {
        return count("SELECT COUNT(*) FROM test_job_effects WHERE job_id = ?", jobId);
    }

    /** Items whose effect is there more than once: an idempotent handler leaves none. */
    int duplicatedEffects(String jobId) {
        return count("SELECT COUNT(*) FROM (SELECT item FROM test_job_effects WHERE job_id = ? "
                + "GROUP BY item HAVING COUNT(*) > 1) twice", jobId);
    }

    List<String> tenantsSeen(String jobId) {
        return strings("SELECT DISTINCT seen_tenant FROM test_job_effects WHERE job_id = ?", jobId);
    }

    /** Makes the job look claimed by a runner that died: RUNNING, with a lease until {@code leaseEnd}. */
    void claimedByADeadRunner(String jobId, int attempts, Instant leaseEnd) {
        transactions.executeWrite(status -> {
            try (PreparedStatement update = status.getConnection().prepareStatement(
                    "UPDATE jobs SET status = 'RUNNING', attempts = ?, lease_until = ? WHERE id = ?")) {
                update.setInt(1, attempts);
                update.setString(2, SqlInstants.text(leaseEnd));
                update.setString(3, jobId);
                return update.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Locks the jobs' rows in the caller's transaction, as a runner's claim does. */
    void lock(Connection connection, List<String> jobIds) {
        for (String id : jobIds) {
            try (PreparedStatement select = connection.prepareStatement("SELECT status FROM jobs WHERE id = ? FOR UPDATE")) {
                select.setString(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        rows.getString(1);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
