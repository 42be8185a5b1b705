package io.vitrine.pos.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.testing.SqlProbe;
import io.vitrine.orders.testing.OrderFixtures;
import io.vitrine.pos.events.IngestingDevice;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A fresh tenant with one convenience store, a POS device of it and products in the catalog, written in SQL (the
 * products through the orders module's fixtures): what every event ingest test starts from.
 */
public final class PosShop {

    private final TransactionOperations<Connection> transactions;
    private final OrderFixtures orders;
    private final TenantId tenant;
    private final String store;
    private final IngestingDevice device;
    private final List<String> skus = new ArrayList<>();

    @SuppressWarnings("unchecked")
    public PosShop(ApplicationContext context, int products) {
        this.transactions = context.getBean(TransactionOperations.class);
        this.orders = new OrderFixtures(context, null);
        this.tenant = TenantId.of(UUID.randomUUID().toString());
        this.store = "S1";
        this.device = new IngestingDevice(tenant, "dk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 15),
                store);
        String now = LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC).toString().replace('T', ' ');
        update("INSERT INTO stores (id, tenant_id, code, name, kind, address, district_code, warehouse_code, created_at, "
                + "updated_at) VALUES (?, ?, ?, 'store', 'CONVENIENCE_STORE', 'x', '440305', 'W1', ?, ?)",
                UUID.randomUUID().toString(), tenant.value(), store, now, now);
        update("INSERT INTO store_assortments (id, tenant_id, store_code, sku_count, updated_at, updated_by) "
                + "VALUES (?, ?, ?, 0, ?, 'test')", UUID.randomUUID().toString(), tenant.value(), store, now);
        OrderFixtures.Shop shop = new OrderFixtures.Shop(tenant, store, "W1");
        for (int i = 0; i < products; i++) {
            skus.add(orders.product(shop, 1000, 0));
        }
    }

    public TenantId tenant() {
        return tenant;
    }

    public String store() {
        return store;
    }

    public IngestingDevice device() {
        return device;
    }

    /** A second POS device of the same store. */
    public IngestingDevice otherDevice() {
        return new IngestingDevice(tenant, device.deviceKey() + "b", store);
    }

    public String sku(int index) {
        return skus.get(index);
    }

    public List<String> skus() {
        return List.copyOf(skus);
    }

    public int count(String sql, String... parameters) {
        return new SqlProbe(transactions).count(sql, parameters);
    }

    private void update(String sql, Object... values) {
        transactions.executeWrite(status -> {
            try (PreparedStatement s = status.getConnection().prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    s.setObject(i + 1, values[i]);
                }
                return s.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        });
    }
}
