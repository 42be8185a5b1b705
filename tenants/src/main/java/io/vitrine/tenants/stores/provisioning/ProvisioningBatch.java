package io.vitrine.tenants.stores.provisioning;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.devices.DeviceKind;
import io.vitrine.tenants.devices.Devices;
import io.vitrine.tenants.devices.RegisteredDevice;
import io.vitrine.tenants.stores.Store;
import io.vitrine.tenants.stores.StoreDetails;
import io.vitrine.tenants.stores.StorePut;
import io.vitrine.tenants.stores.Stores;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * Commits a batch of valid import rows in one transaction: each store created, changed or left alone
 * ({@link Stores#put}), then given the kiosks and POS devices it lacks ({@link Devices#register}, so
 * every device is made, sealed, hashed and audited as one registered by hand), their credentials kept
 * for the job's result. The batch's existing stores are locked first, so two runners of one job (a
 * lost lease) cannot both count a store's devices and both add the missing ones.
 */
@Singleton
class ProvisioningBatch {

    /** A row that passed every rule. */
    record ValidRow(long rowNumber, String code, StoreDetails details, int kiosks, int pos) {
    }

    private final Stores stores;
    private final Devices devices;
    private final IssuedCredentials credentials;

    ProvisioningBatch(Stores stores, Devices devices, IssuedCredentials credentials) {
        this.stores = stores;
        this.devices = devices;
        this.credentials = credentials;
    }

    @Transactional
    ImportTally commit(Actor by, String jobId, List<ValidRow> rows) {
        Map<String, Store> current = stores.lockByCodes(rows.stream().map(ValidRow::code).toList());
        Map<String, Map<DeviceKind, Integer>> working = devices.workingDevicesOf(
                current.values().stream().map(Store::code).toList());
        ImportTally tally = new ImportTally();
        for (ValidRow row : rows) {
            StorePut put = stores.put(by, row.code(), row.details(), current.get(Stores.caseless(row.code())));
            tally.store(put.outcome());
            Map<DeviceKind, Integer> has = working.getOrDefault(put.store().code(), Map.of());
            tally.kiosks(ensure(by, jobId, row, put.store(), DeviceKind.KIOSK, row.kiosks() - has.getOrDefault(DeviceKind.KIOSK, 0)));
            tally.pos(ensure(by, jobId, row, put.store(), DeviceKind.POS, row.pos() - has.getOrDefault(DeviceKind.POS, 0)));
        }
        return tally;
    }

    /** Adds {@code missing} devices of a kind (none when the store has enough: devices are never removed). */
    private int ensure(Actor by, String jobId, ValidRow row, Store store, DeviceKind kind, int missing) {
        for (int i = 0; i < missing; i++) {
            RegisteredDevice registered = devices.register(by, store.code(), kind.name());
            credentials.keep(jobId, row.rowNumber(), registered);
        }
        return Math.max(0, missing);
    }
}
