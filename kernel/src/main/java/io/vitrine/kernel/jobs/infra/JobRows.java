package io.vitrine.kernel.jobs.infra;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.jobs.Job;
import io.vitrine.kernel.jobs.JobError;
import io.vitrine.kernel.jobs.JobInput;
import io.vitrine.kernel.jobs.JobStatus;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.infra.SqlInstants;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of the job tables (migration V4), on the connection of the caller's transaction. Every
 * write a runner makes is guarded by {@code status = 'RUNNING' AND attempts = <its attempt>}, so a
 * runner that lost its claim (lease ran out, job cancelled) changes nothing.
 */
@Singleton
class JobRows {

    /** A job a runner has just claimed: everything its handler needs. */
    record Claim(String id, TenantId tenant, String kind, int attempt, JobInput input, String createdBy) {
    }

    /** Counts as the runner holds them in memory. */
    record Progress(@Nullable Long total, long done, long failed, long errorCount) {
    }

    record NumberedError(int seq, JobError error) {
    }

    void insert(Connection connection, String id, TenantId tenant, String kind, JobInput input, String createdBy,
                Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO jobs (id, tenant_id, kind, status, created_by, created_at, lease_until, attempts, "
                        + "input_file_id, parameters) VALUES (?, ?, ?, 'QUEUED', ?, ?, ?, 0, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, tenant.value());
            insert.setString(3, kind);
            insert.setString(4, createdBy);
            insert.setString(5, SqlInstants.text(now));
            insert.setString(6, SqlInstants.text(now));
            insert.setString(7, input.fileId());
            insert.setString(8, input.parameters());
            insert.executeUpdate();
        }
    }

    /**
     * Locks up to {@code limit} due jobs of the given kinds, skipping those another runner holds,
     * and leases them until {@code leaseEnd}, starting a fresh attempt (progress and errors reset).
     * A job already claimed {@code maxAttempts} times without an outcome (its runner died each
     * time) is FAILED instead.
     */
    List<Claim> claimDue(Connection connection, Collection<String> kinds, Instant now, int limit, Instant leaseEnd,
                         int maxAttempts) throws SQLException {
        if (kinds.isEmpty() || limit < 1) {
            return List.of();
        }
        List<Claim> due = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, tenant_id, kind, attempts, input_file_id, parameters, created_by FROM jobs "
                        + "WHERE status IN ('QUEUED', 'RUNNING') AND lease_until <= ? AND kind IN (" + marks(kinds.size()) + ") "
                        + "ORDER BY lease_until LIMIT ? FOR UPDATE SKIP LOCKED")) {
            int p = 1;
            select.setString(p++, SqlInstants.text(now));
            for (String kind : kinds) {
                select.setString(p++, kind);
            }
            select.setInt(p, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    due.add(new Claim(rows.getString(1), TenantId.of(rows.getString(2)), rows.getString(3),
                            rows.getInt(4) + 1, new JobInput(rows.getString(5), rows.getString(6)), rows.getString(7)));
                }
            }
        }
        List<Claim> claimed = new ArrayList<>();
        for (Claim claim : due) {
            if (claim.attempt() > maxAttempts) {
                giveUp(connection, claim, now, maxAttempts);
                continue;
            }
            try (PreparedStatement lease = connection.prepareStatement(
                    "UPDATE jobs SET status = 'RUNNING', attempts = ?, lease_until = ?, started_at = ?, finished_at = NULL, "
                            + "total_count = NULL, done_count = 0, failed_count = 0, error_count = 0, "
                            + "result_file_id = NULL, message = NULL WHERE id = ?")) {
                lease.setInt(1, claim.attempt());
                lease.setString(2, SqlInstants.text(leaseEnd));
                lease.setString(3, SqlInstants.text(now));
                lease.setString(4, claim.id());
                lease.executeUpdate();
            }
            deleteErrors(connection, claim.id());
            claimed.add(claim);
        }
        return claimed;
    }

    private void giveUp(Connection connection, Claim claim, Instant now, int maxAttempts) throws SQLException {
        try (PreparedStatement fail = connection.prepareStatement(
                "UPDATE jobs SET status = 'FAILED', finished_at = ?, message = ? WHERE id = ?")) {
            fail.setString(1, SqlInstants.text(now));
            fail.setString(2, "gave up: " + maxAttempts + " attempts ended without an outcome (the instance running it stopped)");
            fail.setString(3, claim.id());
            fail.executeUpdate();
        }
    }

    private void deleteErrors(Connection connection, String jobId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM job_errors WHERE job_id = ?")) {
            delete.setString(1, jobId);
            delete.executeUpdate();
        }
    }

    /**
     * Writes the attempt's progress and new errors, and extends its lease; false when the job is no
     * longer this attempt's (nothing was written).
     */
    boolean writeProgress(Connection connection, String jobId, int attempt, Progress progress, List<NumberedError> errors,
                          Instant leaseEnd) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE jobs SET total_count = ?, done_count = ?, failed_count = ?, error_count = ?, lease_until = ? "
                        + "WHERE id = ? AND status = 'RUNNING' AND attempts = ?")) {
            bindProgress(update, progress);
            update.setString(5, SqlInstants.text(leaseEnd));
            update.setString(6, jobId);
            update.setInt(7, attempt);
            if (update.executeUpdate() == 0) {
                return false;
            }
        }
        insertErrors(connection, jobId, errors);
        return true;
    }

    /** Extends a running attempt's lease; false when the job is no longer this attempt's. */
    boolean renewLease(Connection connection, String jobId, int attempt, Instant leaseEnd) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE jobs SET lease_until = ? WHERE id = ? AND status = 'RUNNING' AND attempts = ?")) {
            update.setString(1, SqlInstants.text(leaseEnd));
            update.setString(2, jobId);
            update.setInt(3, attempt);
            return update.executeUpdate() == 1;
        }
    }

    /** Ends the attempt with the given outcome; false when the job is no longer this attempt's. */
    boolean finish(Connection connection, String jobId, int attempt, JobStatus status, Progress progress,
                   List<NumberedError> errors, @Nullable String resultFileId, @Nullable String message, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE jobs SET total_count = ?, done_count = ?, failed_count = ?, error_count = ?, status = ?, "
                        + "finished_at = ?, result_file_id = ?, message = ? "
                        + "WHERE id = ? AND status = 'RUNNING' AND attempts = ?")) {
            bindProgress(update, progress);
            update.setString(5, status.name());
            update.setString(6, SqlInstants.text(now));
            update.setString(7, resultFileId);
            update.setString(8, clip(message, 2000));
            update.setString(9, jobId);
            update.setInt(10, attempt);
            if (update.executeUpdate() == 0) {
                return false;
            }
        }
        insertErrors(connection, jobId, errors);
        return true;
    }

    /** Puts a failed attempt back in the queue, due at {@code retryAt}, with what went wrong. */
    boolean requeue(Connection connection, String jobId, int attempt, Progress progress, List<NumberedError> errors,
                    String message, Instant retryAt) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE jobs SET total_count = ?, done_count = ?, failed_count = ?, error_count = ?, status = 'QUEUED', "
                        + "lease_until = ?, message = ? WHERE id = ? AND status = 'RUNNING' AND attempts = ?")) {
            bindProgress(update, progress);
            update.setString(5, SqlInstants.text(retryAt));
            update.setString(6, clip(message, 2000));
            update.setString(7, jobId);
            update.setInt(8, attempt);
            if (update.executeUpdate() == 0) {
                return false;
            }
        }
        insertErrors(connection, jobId, errors);
        return true;
    }

    /** Cancels the tenant's job unless it already finished; false when nothing changed. */
    boolean cancel(Connection connection, TenantId tenant, String jobId, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE jobs SET status = 'CANCELLED', finished_at = ? "
                        + "WHERE id = ? AND tenant_id = ? AND status IN ('QUEUED', 'RUNNING')")) {
            update.setString(1, SqlInstants.text(now));
            update.setString(2, jobId);
            update.setString(3, tenant.value());
            return update.executeUpdate() == 1;
        }
    }

    Optional<Job> find(Connection connection, TenantId tenant, String jobId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT kind, status, total_count, done_count, failed_count, error_count, created_by, created_at, "
                        + "started_at, finished_at, attempts, input_file_id, parameters, result_file_id, message "
                        + "FROM jobs WHERE id = ? AND tenant_id = ?")) {
            select.setString(1, jobId);
            select.setString(2, tenant.value());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                long total = row.getLong(3);
                Long announced = row.wasNull() ? null : total;
                return Optional.of(new Job(jobId, tenant, row.getString(1), JobStatus.valueOf(row.getString(2)),
                        announced, row.getLong(4), row.getLong(5), errors(connection, jobId), row.getLong(6),
                        row.getString(7), SqlInstants.read(row, 8), SqlInstants.read(row, 9), SqlInstants.read(row, 10),
                        row.getInt(11), new JobInput(row.getString(12), row.getString(13)), row.getString(14),
                        row.getString(15)));
            }
        }
    }

    private List<JobError> errors(Connection connection, String jobId) throws SQLException {
        List<JobError> errors = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT row_no, field_name, message FROM job_errors WHERE job_id = ? ORDER BY seq")) {
            select.setString(1, jobId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long rowNo = rows.getLong(1);
                    errors.add(new JobError(rows.wasNull() ? null : rowNo, rows.getString(2), rows.getString(3)));
                }
            }
        }
        return errors;
    }

    private void insertErrors(Connection connection, String jobId, List<NumberedError> errors) throws SQLException {
        if (errors.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO job_errors (job_id, seq, row_no, field_name, message) VALUES (?, ?, ?, ?, ?)")) {
            for (NumberedError numbered : errors) {
                JobError error = numbered.error();
                insert.setString(1, jobId);
                insert.setInt(2, numbered.seq());
                if (error.row() == null) {
                    insert.setNull(3, Types.BIGINT);
                } else {
                    insert.setLong(3, error.row());
                }
                insert.setString(4, clip(error.field(), 100));
                insert.setString(5, clip(error.message(), 500));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void bindProgress(PreparedStatement update, Progress progress) throws SQLException {
        if (progress.total() == null) {
            update.setNull(1, Types.BIGINT);
        } else {
            update.setLong(1, progress.total());
        }
        update.setLong(2, progress.done());
        update.setLong(3, progress.failed());
        update.setLong(4, progress.errorCount());
    }

    @Nullable
    private static String clip(@Nullable String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
