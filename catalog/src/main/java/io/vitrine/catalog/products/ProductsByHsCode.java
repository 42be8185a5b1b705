package io.vitrine.catalog.products;

import io.vitrine.kernel.tenancy.TenantId;

import java.util.Collection;
import java.util.List;

/** Every tenant's products with given HS codes: what a positive-list change concerns. Platform-wide by design. */
public interface ProductsByHsCode {

    List<TenantSku> find(Collection<String> hsCodes);

    /** One tenant's product, by SKU. */
    record TenantSku(TenantId tenant, String sku) {
    }
}
