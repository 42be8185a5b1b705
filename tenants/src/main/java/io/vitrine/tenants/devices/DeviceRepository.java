package io.vitrine.tenants.devices;

import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The current tenant's devices: every generated query is filtered by it. Implemented in {@code infra}. */
public interface DeviceRepository extends CrudRepository<Device, String> {

    Optional<Device> findByDeviceKey(String deviceKey);

    Optional<Device> findByStoreCodeAndPairingCodeHash(String storeCode, String pairingCodeHash);

    Optional<Device> findByKioskTokenHash(String kioskTokenHash);

    List<Device> findByStoreCodeIn(Collection<String> storeCodes);
}
