package io.vitrine.tenants.warehouses;

import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

/** Bonded warehouses (platform-wide; every read names the park); implemented in {@code infra}. */
public interface BondedWarehouseRepository extends CrudRepository<BondedWarehouse, String> {

    List<BondedWarehouse> findByParkIdOrderByCode(String parkId);

    Optional<BondedWarehouse> findByParkIdAndCode(String parkId, String code);

    boolean existsByParkIdAndCode(String parkId, String code);
}
