package io.vitrine.oversight.stats;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.devices.FleetDevice;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One kiosk sample written in one transaction: the slot taken (or nothing when it was taken already), then per store
 * its kiosks, those online and those seen online for the first time this China day added to the store's and the
 * tenant's rows.
 */
@Singleton
class KioskSampleRecording {

    private final KioskSlots slots;
    private final StatsRollups rollups;

    KioskSampleRecording(KioskSlots slots, StatsRollups rollups) {
        this.slots = slots;
        this.rollups = rollups;
    }

    @Transactional
    public boolean record(Instant slot, Instant sampledAt, LocalDate day, int kiosks,
                          Map<TenantId, Map<String, List<FleetDevice>>> byStore) {
        if (!slots.claim(slot, sampledAt, kiosks)) {
            return false;
        }
        byStore.forEach((tenant, stores) -> stores.forEach((store, devices) -> {
            long up = 0;
            long firstToday = 0;
            for (FleetDevice device : devices) {
                if (device.online()) {
                    up++;
                    if (slots.firstSeen(day, tenant, store, device.deviceKey())) {
                        firstToday++;
                    }
                }
            }
            rollups.add(new OrderKeys(tenant, store, "", ""), day, StatsDelta.kiosks(devices.size(), up, firstToday));
        }));
        return true;
    }
}
