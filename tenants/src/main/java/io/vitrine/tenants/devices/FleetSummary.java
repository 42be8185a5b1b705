package io.vitrine.tenants.devices;

import java.util.List;

/** How many of a tenant's devices are in each {@link FleetState}, per kind (every kind listed, zeros too). */
public record FleetSummary(List<KindCounts> kinds) {

    public record KindCounts(DeviceKind kind, long online, long offline, long pendingPairing, long revoked) {

        public long total() {
            return online + offline + pendingPairing + revoked;
        }
    }

    public long online() {
        return kinds.stream().mapToLong(KindCounts::online).sum();
    }

    public long offline() {
        return kinds.stream().mapToLong(KindCounts::offline).sum();
    }

    public long pendingPairing() {
        return kinds.stream().mapToLong(KindCounts::pendingPairing).sum();
    }

    public long revoked() {
        return kinds.stream().mapToLong(KindCounts::revoked).sum();
    }
}
