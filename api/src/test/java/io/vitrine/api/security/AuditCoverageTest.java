package io.vitrine.api.security;

import io.micronaut.core.type.Argument;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.Routes;
import io.vitrine.api.testing.Routes.Route;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every admin action leaves a trail (issue #10 "Web security"): each state-changing route a staff member calls — the
 * console's forms and the staff API's writes, read from the router so a new one is caught — is listed here with
 * where its trail is: an {@code audit_events} action ({@code audit:ACTION}, written by the module's service in the
 * change's transaction; {@code audit:A,B} when the route's outcome decides which, as a risk review's release or
 * cancel), or, for the operations that keep their own actor-stamped history, that column
 * ({@code trail:table.column}: the stock ledger's actor, an order's status history, a return's decider). The test
 * checks the list is complete, that each action is one the code writes and each column exists. Sign-in and sign-out
 * are not admin actions: they change no one's data.
 */
@ExtendWith(EmbeddedVitrine.class)
class AuditCoverageTest {

    static final Map<String, String> TRAILS = Map.ofEntries(
            // consoles
            // park oversight (issue #9): the display ledger and risk control
            entry("POST /api/v1/display/accounts", "audit:DISPLAY_ACCOUNT_OPENED"),
            entry("PUT /api/v1/display/accounts/{id}", "audit:DISPLAY_ACCOUNT_RENEWED"),
            entry("POST /api/v1/display/accounts/{id}/movements", "trail:display_movements.actor_id"),
            entry("POST /console/display", "audit:DISPLAY_ACCOUNT_OPENED"),
            entry("POST /console/display/{id}/movements", "trail:display_movements.actor_id"),
            entry("POST /api/v1/display/accounts/{id}/close", "audit:DISPLAY_ACCOUNT_CLOSED"),
            entry("POST /console/display/{id}/close", "audit:DISPLAY_ACCOUNT_CLOSED"),
            entry("POST /api/v1/risk/flags/{id}/resolve", "audit:risk.flag.released,risk.flag.cancelled"),
            entry("POST /console/risk/flags/{id}", "audit:risk.flag.released,risk.flag.cancelled"),
            entry("PUT /api/v1/risk/rules", "audit:risk.rules.changed"),
            entry("POST /console/risk/rules", "audit:risk.rules.changed"),
            entry("POST /console/login", "none: signing in changes nobody's data (failures counted on the account)"),
            entry("POST /console/logout", "none: signing out removes the caller's own cookie"),
            entry("POST /console/park/applications/{id}/approve", "audit:APPLICATION_APPROVED"),
            entry("POST /console/park/applications/{id}/reject", "audit:APPLICATION_REJECTED"),
            entry("POST /console/park/members/{slug}/suspend", "audit:TENANT_SUSPENDED"),
            entry("POST /console/park/members/{slug}/reinstate", "audit:TENANT_REINSTATED"),
            entry("POST /console/park/warehouses", "audit:WAREHOUSE_CREATED"),
            entry("POST /console/parks", "audit:PARK_CREATED"),
            entry("POST /console/stores", "audit:STORE_CREATED"),
            entry("POST /console/stores/{code}", "audit:STORE_UPDATED"),
            entry("POST /console/stores/{code}/assortment", "audit:ASSORTMENT_REPLACED"),
            entry("POST /console/devices", "audit:DEVICE_REGISTERED"),
            entry("POST /console/devices/{deviceKey}/rotate", "audit:DEVICE_SECRET_ROTATED"),
            entry("POST /console/devices/{deviceKey}/revoke", "audit:DEVICE_REVOKED"),
            entry("POST /console/products", "audit:PRODUCT_CREATED"),
            entry("POST /console/products/{sku}", "audit:PRODUCT_UPDATED"),
            entry("POST /console/products/{sku}/delete", "audit:PRODUCT_DELETED"),
            entry("POST /console/stock/{warehouseCode}/{sku}/count", "trail:stock_ledger.actor_id"),
            entry("POST /console/stock/{warehouseCode}/{sku}/adjust", "trail:stock_ledger.actor_id"),
            entry("POST /console/orders/{orderNo}/cancel", "trail:order_status_history.actor"),
            entry("POST /console/returns/{returnNo}/approve", "trail:order_returns.decided_by"),
            entry("POST /console/returns/{returnNo}/reject", "trail:order_returns.decided_by"),
            entry("POST /console/returns/{returnNo}/received", "trail:return_refunds.received_by"),
            entry("POST /console/returns/{returnNo}/retry-refund", "trail:return_refunds.retried_by"),
            entry("POST /console/theme", "audit:THEME_CHANGED"),
            entry("POST /console/theme/logo", "audit:THEME_LOGO_CHANGED"),
            entry("POST /console/theme/logo/remove", "audit:THEME_LOGO_REMOVED"),
            entry("POST /console/staff", "audit:INVITATION_ISSUED"),
            // the staff API
            entry("POST /api/v1/parks", "audit:PARK_CREATED"),
            entry("POST /api/v1/parks/{parkSlug}/warehouses", "audit:WAREHOUSE_CREATED"),
            entry("POST /api/v1/parks/{parkSlug}/applications/{id}/approve", "audit:APPLICATION_APPROVED"),
            entry("POST /api/v1/parks/{parkSlug}/applications/{id}/reject", "audit:APPLICATION_REJECTED"),
            entry("POST /api/v1/parks/{parkSlug}/tenants/{tenantSlug}/suspend", "audit:TENANT_SUSPENDED"),
            entry("POST /api/v1/parks/{parkSlug}/tenants/{tenantSlug}/reinstate", "audit:TENANT_REINSTATED"),
            entry("POST /api/v1/stores", "audit:STORE_CREATED"),
            entry("PUT /api/v1/stores/{code}", "audit:STORE_UPDATED"),
            entry("POST /api/v1/stores:import", "audit:STORE_IMPORT_SUBMITTED"),
            entry("PUT /api/v1/stores/{code}/assortment", "audit:ASSORTMENT_REPLACED"),
            entry("POST /api/v1/staff", "audit:INVITATION_ISSUED"),
            entry("POST /api/v1/staff/{username}/disable", "audit:STAFF_DISABLED"),
            entry("POST /api/v1/staff/{username}/enable", "audit:STAFF_ENABLED"),
            entry("PUT /api/v1/tenant/settings", "audit:SETTINGS_CHANGED"),
            entry("PUT /api/v1/tenant/theme", "audit:THEME_CHANGED"),
            entry("PUT /api/v1/tenant/theme/logo", "audit:THEME_LOGO_CHANGED"),
            entry("DELETE /api/v1/tenant/theme/logo", "audit:THEME_LOGO_REMOVED"),
            entry("POST /api/v1/devices", "audit:DEVICE_REGISTERED"),
            entry("POST /api/v1/devices/{deviceKey}/rotate", "audit:DEVICE_SECRET_ROTATED"),
            entry("DELETE /api/v1/devices/{deviceKey}", "audit:DEVICE_REVOKED"),
            entry("POST /api/v1/products", "audit:PRODUCT_CREATED"),
            entry("PUT /api/v1/products/{sku}", "audit:PRODUCT_UPDATED"),
            entry("DELETE /api/v1/products/{sku}", "audit:PRODUCT_DELETED"),
            entry("POST /api/v1/products:import", "audit:PRODUCT_IMPORT_SUBMITTED"),
            entry("POST /api/v1/images", "audit:IMAGE_UPLOADED"),
            entry("DELETE /api/v1/images/{imageId}", "audit:IMAGE_DELETED"),
            entry("PUT /api/v1/positive-list", "audit:POSITIVE_LIST_REPLACED"),
            entry("PUT /api/v1/categories", "audit:CATEGORIES_REPLACED"),
            entry("POST /api/v1/search:reindex", "trail:jobs.created_by"),
            entry("PUT /api/v1/stock/{warehouseCode}/{sku}", "trail:stock_ledger.actor_id"),
            entry("POST /api/v1/stock/{warehouseCode}/{sku}/adjustments", "trail:stock_ledger.actor_id"),
            entry("POST /api/v1/orders/{orderNo}/cancel", "trail:order_status_history.actor"),
            entry("POST /api/v1/orders/{orderNo}/returns", "trail:order_returns.opened_by"),
            entry("POST /api/v1/returns/{returnNo}/approve", "trail:order_returns.decided_by"),
            entry("POST /api/v1/returns/{returnNo}/reject", "trail:order_returns.decided_by"),
            entry("POST /api/v1/returns/{returnNo}/received", "trail:return_refunds.received_by"),
            entry("POST /api/v1/returns/{returnNo}/photos", "trail:return_photos.added_by"),
            entry("POST /api/v1/alerts/{id}/acknowledge", "trail:alerts.acknowledged_by"),
            entry("POST /api/v1/payments/reconciliation", "none: re-runs the day's report from Alipay's bill, changing no order,"
                    + " payment or refund; the report keeps when it ran (payment_reconciliations.ran_at)"),
            entry("POST /api/v1/declarations/{orderNo}/resubmit", "trail:order_status_history.actor"));

    private final RunningVitrine vitrine;

    AuditCoverageTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
    }

    /** Staff writes: console forms (not the anonymous invitation page) and API writes that need a signed-in role. */
    private List<String> adminWrites() {
        return Routes.of(vitrine).stream()
                .filter(Route::isWrite)
                .filter(route -> route.template().startsWith("/console") ? !route.template().startsWith("/console/invitations")
                        : route.template().startsWith("/api/v1/") && !route.isAnonymous())
                .map(Route::toString)
                .distinct()
                .toList();
    }

    @Test
    void every_admin_write_has_its_trail_listed() {
        List<String> writes = adminWrites();

        assertThat(writes).hasSizeGreaterThan(60);
        assertThat(writes.stream().filter(route -> !TRAILS.containsKey(route)).toList())
                .as("admin writes without a trail listed in AuditCoverageTest.TRAILS").isEmpty();
        assertThat(TRAILS.keySet().stream().filter(route -> !writes.contains(route)).toList())
                .as("listed routes that no longer exist").isEmpty();
    }

    @Test
    void every_listed_action_is_written_by_the_code_and_every_trail_column_exists() throws IOException {
        String sources = mainSources();
        List<String> missing = new ArrayList<>();
        TRAILS.values().stream().distinct().forEach(trail -> {
            if (trail.startsWith("audit:") && !java.util.Arrays.stream(trail.substring(6).split(","))
                    .allMatch(action -> sources.contains("\"" + action + "\""))) {
                missing.add(trail);
            } else if (trail.startsWith("trail:") && !columnExists(trail.substring(6))) {
                missing.add(trail);
            }
        });

        assertThat(missing).isEmpty();
    }

    /** The main Java sources of every module (the test runs in {@code api/}). */
    private static String mainSources() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of(".."), 15)) {
            files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/")
                    && !f.toString().contains("/target/")).forEach(f -> {
                        try {
                            all.append(Files.readString(f));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        }
        return all.toString();
    }

    @SuppressWarnings("unchecked")
    private boolean columnExists(String tableDotColumn) {
        String[] parts = tableDotColumn.split("\\.");
        TransactionOperations<Connection> transactions = vitrine.context().getBean(
                Argument.of(TransactionOperations.class, Connection.class));
        return transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            try (ResultSet columns = connection.getMetaData().getColumns(connection.getCatalog(), connection.getSchema(),
                    "%", "%")) {
                while (columns.next()) {
                    if (columns.getString("TABLE_NAME").toLowerCase(Locale.ROOT).equals(parts[0])
                            && columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT).equals(parts[1])) {
                        return true;
                    }
                }
                return false;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
