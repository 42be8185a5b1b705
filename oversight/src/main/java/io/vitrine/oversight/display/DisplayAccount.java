package io.vitrine.oversight.display;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;

/**
 * A retailer's display account at one store for goods of one bonded warehouse of its park, with the guarantee and
 * the display period that cover them.
 *
 * @param parkId  the tenant's park: the park reads its members' accounts by it
 * @param release how the account was closed; {@code null} while it is open
 */
public record DisplayAccount(String id, TenantId tenant, String parkId, String storeCode, String warehouseCode,
                             Guarantee guarantee, DisplayPeriod period, Instant createdAt, Instant updatedAt,
                             @Nullable GuaranteeRelease release) {

    public boolean closed() {
        return release != null;
    }

    DisplayAccount renewed(Guarantee newGuarantee, DisplayPeriod newPeriod, Instant at) {
        return new DisplayAccount(id, tenant, parkId, storeCode, warehouseCode, newGuarantee, newPeriod, createdAt, at,
                null);
    }

    DisplayAccount closedWith(GuaranteeRelease closing) {
        return new DisplayAccount(id, tenant, parkId, storeCode, warehouseCode, guarantee, period, createdAt,
                closing.closedAt(), closing);
    }
}
