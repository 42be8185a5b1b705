package io.vitrine.tenants.staff;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.repository.CrudRepository;
import io.vitrine.tenants.access.StaffRole;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Staff accounts (a platform-wide directory: no tenant filter here, callers name the tenant);
 * implemented in {@code infra}. Parameters of the hand-written updates are named after the entity's
 * properties, so Micronaut Data binds them through the same converters ({@code UtcDatetimeText}).
 */
public interface StaffAccountRepository extends CrudRepository<StaffAccount, String> {

    Optional<StaffAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    boolean existsByRole(StaffRole role);

    List<StaffAccount> findByTenantIdOrderByUsername(String tenantId);

    Optional<StaffAccount> findByIdAndTenantId(String id, String tenantId);

    /** Counted in the database, so concurrent failures are all counted. */
    @Query("UPDATE staff_accounts SET failed_attempts = failed_attempts + 1 WHERE id = :id")
    void countFailedAttempt(String id);

    @Query("UPDATE staff_accounts SET locked_until = :lockedUntil WHERE id = :id")
    void lockUntil(String id, Instant lockedUntil);

    @Query("UPDATE staff_accounts SET failed_attempts = 0, locked_until = NULL, last_login_at = :lastLoginAt WHERE id = :id")
    void recordSignIn(String id, Instant lastLoginAt);

    @Query("UPDATE staff_accounts SET status = :status WHERE id = :id")
    void changeStatus(String id, StaffStatus status);

    /** Every token issued to the account so far carries an older generation and stops working. */
    @Query("UPDATE staff_accounts SET token_generation = token_generation + 1 WHERE id = :id")
    void nextTokenGeneration(String id);
}
