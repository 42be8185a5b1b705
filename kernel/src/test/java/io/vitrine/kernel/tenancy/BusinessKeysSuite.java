package io.vitrine.kernel.tenancy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The business key -> tenant resolver, run on H2 and on MariaDB (in-process cache). */
abstract class BusinessKeysSuite {

    private BusinessKeys keys;
    private TransactionOperations<Connection> transactions;
    private TenantId a;
    private TenantId b;
    private String tag;

    protected abstract ApplicationContext context();

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        keys = context().getBean(BusinessKeys.class);
        transactions = context().getBean(TransactionOperations.class);
        tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        a = TenantId.of("bk-a-" + tag.toLowerCase());
        b = TenantId.of("bk-b-" + tag.toLowerCase());
    }

    @Test
    void a_recorded_order_number_resolves_to_its_tenant() {
        record(a, BusinessKeyKind.ORDER_NO, "VT" + tag + "01");

        assertThat(keys.tenantOf(BusinessKeyKind.ORDER_NO, "VT" + tag + "01")).contains(a);
        assertThat(keys.requireTenantOf(BusinessKeyKind.ORDER_NO, "VT" + tag + "01")).isEqualTo(a);
    }

    @Test
    void recording_the_same_key_for_the_same_tenant_again_changes_nothing() {
        record(a, BusinessKeyKind.RETURN_NO, "RT" + tag);

        record(a, BusinessKeyKind.RETURN_NO, "RT" + tag);

        assertThat(keys.tenantOf(BusinessKeyKind.RETURN_NO, "RT" + tag)).contains(a);
        assertThat(rowsOf(BusinessKeyKind.RETURN_NO, "RT" + tag)).isEqualTo(1);
    }

    @Test
    void the_same_key_for_another_tenant_is_a_conflict_and_the_first_tenant_keeps_it() {
        record(a, BusinessKeyKind.ORDER_NO, "VT" + tag + "02");

        assertThatThrownBy(() -> record(b, BusinessKeyKind.ORDER_NO, "VT" + tag + "02"))
                .isInstanceOf(ConflictException.class)
                .hasMessage("This order number is already in use.")
                .hasMessageNotContaining(a.value());

        assertThat(keys.tenantOf(BusinessKeyKind.ORDER_NO, "VT" + tag + "02")).contains(a);
    }

    @Test
    void a_conflict_leaves_the_rest_of_the_callers_transaction_usable() {
        record(a, BusinessKeyKind.ORDER_NO, "VT" + tag + "03");

        transactions.executeWrite(status -> {
            assertThatThrownBy(() -> keys.record(b, BusinessKeyKind.ORDER_NO, "VT" + tag + "03"))
                    .isInstanceOf(ConflictException.class);
            keys.record(b, BusinessKeyKind.ORDER_NO, "VT" + tag + "04");
            return null;
        });

        assertThat(keys.tenantOf(BusinessKeyKind.ORDER_NO, "VT" + tag + "04")).contains(b);
    }

    @Test
    void a_key_is_unique_within_its_kind_only() {
        String guid = UUID.randomUUID().toString().toUpperCase();
        record(a, BusinessKeyKind.MESSAGE_GUID, guid);

        record(b, BusinessKeyKind.LOGISTICS_NO, guid);

        assertThat(keys.tenantOf(BusinessKeyKind.MESSAGE_GUID, guid)).contains(a);
        assertThat(keys.tenantOf(BusinessKeyKind.LOGISTICS_NO, guid)).contains(b);
        assertThat(keys.tenantOf(BusinessKeyKind.ORDER_NO, guid)).isEmpty();
    }

    @Test
    void keys_are_compared_exactly() {
        record(a, BusinessKeyKind.REFUND_NO, "rf-" + tag);

        assertThat(keys.tenantOf(BusinessKeyKind.REFUND_NO, "RF-" + tag)).isEmpty();
        assertThat(keys.tenantOf(BusinessKeyKind.REFUND_NO, "rf-" + tag + " ")).isEmpty();
    }

    @Test
    void an_unknown_or_malformed_key_resolves_to_nothing_and_is_404_when_required() {
        assertThat(keys.tenantOf(BusinessKeyKind.ORDER_NO, "VT" + tag + "99")).isEmpty();
        assertThat(keys.tenantOf(BusinessKeyKind.ORDER_NO, "{x}:" + tag)).isEmpty();
        assertThat(keys.tenantOf(BusinessKeyKind.ORDER_NO, "")).isEmpty();
        assertThat(keys.tenantOf(BusinessKeyKind.ORDER_NO, null)).isEmpty();
        assertThat(keys.tenantOf(BusinessKeyKind.ORDER_NO, "X".repeat(65))).isEmpty();

        assertThatThrownBy(() -> keys.requireTenantOf(BusinessKeyKind.ORDER_NO, "VT" + tag + "99"))
                .isInstanceOf(NotFoundException.class).hasMessage("No such order number.");
        assertThatThrownBy(() -> keys.runAs(BusinessKeyKind.ORDER_NO, "VT" + tag + "99", () -> {
            throw new AssertionError("must not run");
        })).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_malformed_key_cannot_be_recorded() {
        assertThatThrownBy(() -> record(a, BusinessKeyKind.ORDER_NO, "VT " + tag))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> record(a, BusinessKeyKind.ORDER_NO, "X".repeat(65)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recording_outside_a_transaction_is_refused() {
        assertThatThrownBy(() -> keys.record(a, BusinessKeyKind.ORDER_NO, "VT" + tag + "05"))
                .isInstanceOf(IllegalStateException.class);

        assertThat(keys.tenantOf(BusinessKeyKind.ORDER_NO, "VT" + tag + "05")).isEmpty();
    }

    @Test
    void a_record_rolled_back_with_its_transaction_leaves_the_key_free_even_if_resolved_inside_it() {
        String orderNo = "VT" + tag + "06";
        assertThatThrownBy(() -> transactions.executeWrite(status -> {
            keys.record(a, BusinessKeyKind.ORDER_NO, orderNo);
            assertThat(keys.tenantOf(BusinessKeyKind.ORDER_NO, orderNo)).contains(a); // its own insert
            throw new IllegalStateException("the order failed");
        })).hasMessage("the order failed");

        assertThat(keys.tenantOf(BusinessKeyKind.ORDER_NO, orderNo)).isEmpty();
        record(b, BusinessKeyKind.ORDER_NO, orderNo);
        assertThat(keys.tenantOf(BusinessKeyKind.ORDER_NO, orderNo)).contains(b);
    }

    @Test
    void work_for_a_key_runs_as_its_tenant() {
        record(b, BusinessKeyKind.ORDER_NO, "VT" + tag + "07");

        TenantId seen = keys.callAs(BusinessKeyKind.ORDER_NO, "VT" + tag + "07",
                () -> TenantContext.current().orElseThrow());
        TenantId[] ran = new TenantId[1];
        keys.runAs(BusinessKeyKind.ORDER_NO, "VT" + tag + "07", () -> ran[0] = TenantContext.current().orElseThrow());

        assertThat(seen).isEqualTo(b);
        assertThat(ran[0]).isEqualTo(b);
    }

    @Test
    void a_resolution_is_cached_but_an_unknown_key_is_not() {
        String known = "VT" + tag + "08";
        String later = "VT" + tag + "09";
        record(a, BusinessKeyKind.ORDER_NO, known);
        assertThat(keys.tenantOf(BusinessKeyKind.ORDER_NO, known)).contains(a);
        assertThat(keys.tenantOf(BusinessKeyKind.ORDER_NO, later)).isEmpty();

        deleteRow(BusinessKeyKind.ORDER_NO, known); // a mapping never changes: the cache may keep it
        record(a, BusinessKeyKind.ORDER_NO, later);

        assertThat(keys.tenantOf(BusinessKeyKind.ORDER_NO, known)).contains(a);
        assertThat(keys.tenantOf(BusinessKeyKind.ORDER_NO, later)).contains(a);
    }

    @Test
    void two_transactions_racing_for_one_key_leave_it_to_the_first_that_commits() throws Exception {
        String orderNo = "VT" + tag + "10";
        CountDownLatch aInserted = new CountDownLatch(1);
        CountDownLatch bStarted = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = threads.submit(() -> transactions.executeWrite(status -> {
                keys.record(a, BusinessKeyKind.ORDER_NO, orderNo);
                aInserted.countDown();
                await(bStarted);
                return null;
            }));
            await(aInserted);
            CompletableFuture<Throwable> second = CompletableFuture.supplyAsync(() -> {
                bStarted.countDown();
                try {
                    record(b, BusinessKeyKind.ORDER_NO, orderNo);
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            }, threads);

            first.get(30, TimeUnit.SECONDS);
            assertThat(second.get(30, TimeUnit.SECONDS)).isInstanceOf(ConflictException.class);
        } finally {
            threads.shutdownNow();
        }
        assertThat(keys.tenantOf(BusinessKeyKind.ORDER_NO, orderNo)).contains(a);
    }

    private void record(TenantId tenant, BusinessKeyKind kind, String key) {
        transactions.executeWrite(status -> {
            keys.record(tenant, kind, key);
            return null;
        });
    }

    private int rowsOf(BusinessKeyKind kind, String key) {
        return new io.vitrine.kernel.testing.SqlProbe(transactions).count(
                "SELECT COUNT(*) FROM business_keys WHERE kind = ? AND business_key = ?", kind.name(), key);
    }

    private void deleteRow(BusinessKeyKind kind, String key) {
        transactions.executeWrite(status -> {
            try (PreparedStatement delete = status.getConnection().prepareStatement(
                    "DELETE FROM business_keys WHERE kind = ? AND business_key = ?")) {
                delete.setString(1, kind.name());
                delete.setString(2, key);
                assertThat(delete.executeUpdate()).isEqualTo(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the other transaction never got there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
