package io.vitrine.oversight.display;

import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;

/**
 * A retailer's display account at one store for goods of one bonded warehouse of its park, with the guarantee and
 * the display period that cover them.
 *
 * @param parkId the tenant's park: the park reads its members' accounts by it
 */
public record DisplayAccount(String id, TenantId tenant, String parkId, String storeCode, String warehouseCode,
                             Guarantee guarantee, DisplayPeriod period, Instant createdAt, Instant updatedAt) {

    DisplayAccount renewed(Guarantee newGuarantee, DisplayPeriod newPeriod, Instant at) {
        return new DisplayAccount(id, tenant, parkId, storeCode, warehouseCode, newGuarantee, newPeriod, createdAt, at);
    }
}
