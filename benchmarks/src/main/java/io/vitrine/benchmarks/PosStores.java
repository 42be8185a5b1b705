package io.vitrine.benchmarks;


import java.net.URI;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Convenience stores with a registered POS each, as the fleet suites ({@code pos-fleet}, {@code kiosk-load}) set them
 * up: the stores and their assortments straight into the tables before the application starts, then one POS device per
 * store through {@code POST /api/v1/devices} (the secret is only ever shown there), each played by a
 * {@link VirtualStore}.
 */
final class PosStores {

    private PosStores() {
    }

    /** The codes of {@code count} stores: F0000, F0001... */
    static List<String> codes(int count) {
        List<String> codes = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            codes.add(String.format(Locale.ROOT, "F%04d", s));
        }
        return codes;
    }

    /** The stores of {@code codes} for {@code shop}'s tenant, each with the shop's SKUs in its assortment. */
    static void add(BenchDatabase database, CheckoutShops.Shop shop, List<String> codes) {
        add(database, shop.tenant(), codes, shop.skus());
    }

    /** Stores {@code codes} of {@code tenant} at the park's warehouse, each carrying {@code skus}. */
    static void add(BenchDatabase database, String tenant, List<String> codes, List<String> skus) {
        String now = Instant.now().toString().replace('T', ' ').replace("Z", "");
        for (int from = 0; from < codes.size(); from += 200) {
            List<String> chunk = codes.subList(from, Math.min(codes.size(), from + 200));
            database.inTransaction((Connection connection) -> {
                try (PreparedStatement stores = connection.prepareStatement("INSERT INTO stores (id, tenant_id, code, "
                        + "name, kind, address, district_code, warehouse_code, created_at, updated_at) VALUES "
                        + "(?, ?, ?, ?, 'CONVENIENCE_STORE', '厦门市思明区', '350203', ?, ?, ?)");
                     PreparedStatement assortment = connection.prepareStatement("INSERT INTO store_assortment_skus "
                             + "(id, tenant_id, store_code, sku, added_at) VALUES (?, ?, ?, ?, ?)")) {
                    for (String code : chunk) {
                        setAll(stores, UUID.randomUUID().toString(), tenant, code, "便利店 " + code,
                                BenchDatabase.WAREHOUSE, now, now);
                        stores.addBatch();
                        for (String sku : skus) {
                            setAll(assortment, UUID.randomUUID().toString(), tenant, code, sku, now);
                            assortment.addBatch();
                        }
                    }
                    stores.executeBatch();
                    return assortment.executeBatch().length;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private static void setAll(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }

    /** How the store at an index is registered: its code, its retailer admin's token, its SKUs and tally. */
    record Registration(String code, String admin, List<String> skus, VirtualStore.Tally tally) {
    }

    /**
     * One POS per store through the API, from 8 threads; the store at index i is {@code registration.apply(i)}. The
     * first refusal stops the registration and is thrown.
     */
    static List<VirtualStore> register(URI app, HttpClient http, int count, IntFunction<Registration> registration)
            throws InterruptedException {
        VirtualStore[] fleet = new VirtualStore[count];
        forEach(8, "bench-register-", count, i -> fleet[i] = registerOne(app, http, registration.apply(i)));
        return List.of(fleet);
    }

    /** Where a tick's poll and sale batch are recorded (read at each tick: a suite may switch them). */
    interface TickRecords {
        FleetLatencies polls();

        FleetLatencies posts();
    }

    /**
     * The steady traffic: each store polls every {@code pollSeconds} (starts spread over the first period) and every
     * {@code saleSeconds} rings up {@code salesPerBatch} sales and sends its queue ({@link VirtualStore#flushSteady},
     * every {@code loseEvery}th answer lost, 0: none), on {@code threads} threads until the executor is shut down. A
     * failure goes to {@code failure} (the first one kept).
     */
    static ScheduledExecutorService tick(List<VirtualStore> fleet, int threads, int pollSeconds, int saleSeconds,
                                         int salesPerBatch, int loseEvery, TickRecords records,
                                         AtomicReference<Throwable> failure) {
        ScheduledExecutorService ticks = Executors.newScheduledThreadPool(threads);
        long period = pollSeconds * 1000L;
        int ticksPerSale = Math.max(1, saleSeconds / pollSeconds);
        for (VirtualStore store : fleet) {
            AtomicLong tick = new AtomicLong();
            ticks.scheduleAtFixedRate(() -> {
                try {
                    store.poll(records.polls());
                    if (tick.incrementAndGet() % ticksPerSale == 0) {
                        store.ringUp(salesPerBatch, Instant.now());
                        store.flushSteady(records.posts(), loseEvery);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }, ThreadLocalRandom.current().nextLong(period), period, TimeUnit.MILLISECONDS);
        }
        return ticks;
    }

    /** Work on one item, by its index; may fail. */
    @FunctionalInterface
    interface Item {
        void run(int index) throws Exception;
    }

    /** Items 0 … count-1 taken in turn by {@code threads} threads; the first failure stops them and is thrown. */
    static void forEach(int threads, String name, int count, Item item) throws InterruptedException {
        AtomicLong next = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        CustomsPark.parallel(threads, name, () -> {
            for (int i = (int) next.getAndIncrement(); i < count && failure.get() == null; i = (int) next.getAndIncrement()) {
                try {
                    item.run(i);
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }
        });
        if (failure.get() != null) {
            throw new IllegalStateException(name + "… failed: " + failure.get().getMessage(), failure.get());
        }
    }

    private static VirtualStore registerOne(URI app, HttpClient http, Registration store) throws Exception {
        return register(http, app, store.admin(), store.code(), store.skus(), store.tally());
    }

    /** The store's POS registered by its retailer admin: a {@link VirtualStore} playing it, counting into {@code tally}. */
    static VirtualStore register(HttpClient http, URI app, String admin, String code, List<String> skus,
                                 VirtualStore.Tally tally) throws Exception {
        RegisteredDevice device = RegisteredDevice.pos(http, app, admin, code);
        return new VirtualStore(code, device.deviceKey(), device.secret(), app, http, tally, skus);
    }
}
