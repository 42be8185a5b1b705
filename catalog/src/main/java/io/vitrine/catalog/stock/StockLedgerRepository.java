package io.vitrine.catalog.stock;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** The current tenant's stock ledger (append-only). Implemented in {@code infra}. */
public interface StockLedgerRepository extends GenericRepository<StockLedgerEntry, String> {

    StockLedgerEntry save(StockLedgerEntry entry);

    /** One batch, one round trip. */
    List<StockLedgerEntry> saveAll(Iterable<StockLedgerEntry> entries);

    Page<StockLedgerEntry> findByWarehouseCodeAndSku(String warehouseCode, String sku, Pageable pageable);
}
