package io.vitrine.oversight.stats;

import io.micronaut.context.annotation.Value;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.tenants.devices.Fleet;
import io.vitrine.tenants.devices.FleetDevice;
import io.vitrine.tenants.registry.Tenant;
import io.vitrine.tenants.registry.TenantRepository;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Active kiosks and kiosk uptime (issue #9): kiosk heartbeats only move a device's last-seen time (no event per beat),
 * so the fleet is sampled instead, once per slot of {@code vitrine.oversight.stats.kiosk-sample-interval} (5m)
 * whatever the number of instances (the slot's row decides): for every merchant, its paired kiosks per store through
 * tenants' {@link Fleet} (online = seen within the fleet's online window, as the console shows it), added to the
 * store's and the tenant's rows of the day — kiosks sampled, kiosks online (uptime = online ÷ sampled), and each
 * kiosk seen online the first time that China day (active kiosks).
 */
@Singleton
public class KioskSampling {

    static final int PAGE = 500;

    private final TenantRepository tenants;
    private final Fleet fleet;
    private final KioskSampleRecording recording;
    private final Clock clock;
    private final Duration interval;

    KioskSampling(TenantRepository tenants, Fleet fleet, KioskSampleRecording recording, Clock clock,
                  @Value("${vitrine.oversight.stats.kiosk-sample-interval:5m}") Duration interval) {
        this.tenants = tenants;
        this.fleet = fleet;
        this.recording = recording;
        this.clock = clock;
        this.interval = interval;
    }

    /** Samples the current slot (the fleet read first, each tenant's in its own read); empty when it was taken. */
    public Optional<Sample> sample() {
        return sample(clock.instant());
    }

    /** Samples the fleet as it is now into the slot holding {@code now} (and its China day). */
    public Optional<Sample> sample(Instant now) {
        long step = Math.max(1, interval.toSeconds());
        Instant slot = Instant.ofEpochSecond(now.getEpochSecond() - Math.floorMod(now.getEpochSecond(), step));
        LocalDate day = ChinaTime.dateOf(slot);
        List<Tenant> merchants = new ArrayList<>();
        tenants.findAll().forEach(t -> {
            if (t.kind().isMerchant()) {
                merchants.add(t);
            }
        });
        int kiosks = 0;
        int online = 0;
        Map<TenantId, Map<String, List<FleetDevice>>> byStore = new TreeMap<>(
                java.util.Comparator.comparing(TenantId::value));
        for (Tenant merchant : merchants) {
            Map<String, List<FleetDevice>> stores = TenantContext.callAs(merchant.tenantId(), () -> kiosksOf());
            if (!stores.isEmpty()) {
                byStore.put(merchant.tenantId(), stores);
            }
        }
        for (Map<String, List<FleetDevice>> stores : byStore.values()) {
            for (List<FleetDevice> devices : stores.values()) {
                kiosks += devices.size();
                online += (int) devices.stream().filter(FleetDevice::online).count();
            }
        }
        if (!recording.record(slot, now, day, kiosks, byStore)) {
            return Optional.empty();
        }
        return Optional.of(new Sample(slot, kiosks, online));
    }

    /** The current tenant's paired kiosks (online and offline; never pending or revoked), by store. */
    private Map<String, List<FleetDevice>> kiosksOf() {
        Map<String, List<FleetDevice>> byStore = new TreeMap<>();
        for (String state : List.of("online", "offline")) {
            for (int page = 0; ; page++) {
                List<FleetDevice> found = fleet.devices(state, "KIOSK", null, page, PAGE).getContent();
                for (FleetDevice device : found) {
                    if (device.storeCode() != null) {
                        byStore.computeIfAbsent(device.storeCode(), s -> new ArrayList<>()).add(device);
                    }
                }
                if (found.size() < PAGE) {
                    break;
                }
            }
        }
        return byStore;
    }

    /** One slot's sample: when, how many kiosks, how many online. */
    public record Sample(Instant slot, int kiosks, int online) {
    }
}
