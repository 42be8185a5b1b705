package io.vitrine.api.console;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.tenants.devices.DarkStore;
import io.vitrine.tenants.devices.FleetSummary;

import java.util.ArrayList;
import java.util.List;

/**
 * The fleet summary as the pages show it: one row per device kind, then {@code ALL}, each with its count
 * per state; and the dark stores (paired kiosks, none online).
 */
public final class FleetCounts {

    private FleetCounts() {
    }

    /** Counts of one kind ({@code kind} is the DeviceKind's name, or ALL) per fleet state. */
    public record KindRow(String kind, long online, long offline, long pending, long revoked, long total) {
    }

    public record DarkStoreRow(String storeCode, String storeName, int kiosks, String lastSeenAt) {

        public static DarkStoreRow of(DarkStore store) {
            return new DarkStoreRow(store.storeCode(), text(store.storeName()), store.kiosks(),
                    ChinaTimeText.of(store.lastSeenAt()));
        }
    }

    public static List<KindRow> rows(FleetSummary summary) {
        List<KindRow> rows = new ArrayList<>();
        summary.kinds().forEach(k -> rows.add(new KindRow(k.kind().name(), k.online(), k.offline(), k.pendingPairing(),
                k.revoked(), k.total())));
        rows.add(new KindRow("ALL", summary.online(), summary.offline(), summary.pendingPairing(), summary.revoked(),
                summary.online() + summary.offline() + summary.pendingPairing() + summary.revoked()));
        return rows;
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
