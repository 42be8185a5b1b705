package io.vitrine.oversight.display;

import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The display tables (accounts, balances, movements), implemented in {@code infra}. Every method runs in the
 * caller's transaction and names the tenant in its SQL, except {@link #dueForAlerts} (the alert job's platform-wide
 * sweep) and {@link #accountsOfPark} (a park's members, by the park column).
 */
public interface DisplayLedger {

    void insertAccount(DisplayAccount account);

    void updateTerms(DisplayAccount account);

    /** Records the account's closing ({@link DisplayAccount#release()}). */
    void close(DisplayAccount account);

    Optional<DisplayAccount> account(TenantId tenant, String id);

    /** The account's row locked until the transaction ends: movements of one account queue on it. */
    Optional<DisplayAccount> lockAccount(TenantId tenant, String id);

    boolean accountExists(TenantId tenant, String storeCode, String warehouseCode);

    /** The tenant's accounts by store, then warehouse. */
    List<DisplayAccount> accounts(TenantId tenant);

    /** Accounts of the park's members, by member, store, warehouse; of one member when {@code member} is given. */
    List<DisplayAccount> accountsOfPark(TenantId park, Optional<TenantId> member);

    /** The account's balances by SKU. */
    List<DisplayBalance> balances(TenantId tenant, String accountId);

    /**
     * The open accounts of the tenant's store that have units of the SKU on display, by warehouse code (read without
     * a lock: the caller locks each account and balance before it moves them).
     */
    List<String> displayingAtStore(TenantId tenant, String storeCode, String sku);

    /**
     * The SKU's balance, its row locked until the transaction ends: created at zero first when the account never
     * moved the SKU (an insert, never a locking read of a gap, so accounts moving at once never deadlock on it; a
     * refusal rolls the new row back with everything else).
     */
    DisplayBalance lockBalance(TenantId tenant, String accountId, String sku, Instant at);

    void saveBalance(TenantId tenant, String accountId, DisplayBalance balance, Instant at);

    /**
     * The tenant's movement of this client key, read without a lock: a request racing with the same key is settled
     * by the key's unique index ({@link #insertMovement}).
     */
    Optional<DisplayMovement> findMovement(TenantId tenant, String movementKey);

    /**
     * Records the movement; a key another request recorded meanwhile is {@link MovementKeyTakenException} (the caller's
     * transaction rolls back and it is asked again).
     */
    void insertMovement(TenantId tenant, DisplayMovement movement);

    /** Newest first. */
    List<DisplayMovement> movements(TenantId tenant, String accountId, int offset, int limit);

    long countMovements(TenantId tenant, String accountId);

    /** Every movement of these accounts, oldest first (the report's book as of a count). */
    List<DisplayMovement> history(TenantId tenant, List<String> accountIds);

    /** Units already declared sold from display for this order and SKU. */
    long soldForOrder(TenantId tenant, String orderNo, String sku);

    /**
     * Open accounts, of any tenant, with goods on display (or sold at the POS and not declared) whose period or guarantee ends on or before {@code horizon},
     * after {@code afterId} in id order.
     */
    List<DisplayAccount> dueForAlerts(LocalDate horizon, String afterId, int limit);
}
