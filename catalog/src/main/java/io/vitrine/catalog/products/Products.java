package io.vitrine.catalog.products;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Retailer admins create, change and delete the current tenant's products. Each change is audited and
 * publishes {@link ProductChanged} / {@link ProductDeleted} in its own transaction, so the search index and
 * other readers follow without ever missing one. Bad input changes nothing.
 */
@Singleton
public class Products {

    private final ProductRepository products;
    private final ProductValidation validation;
    private final ProductChanges changes;
    private final CurrentTenant currentTenant;
    private final Ids ids;
    private final Clock clock;
    private final List<ProductLeftovers> leftovers;

    Products(ProductRepository products, ProductValidation validation, ProductChanges changes,
             CurrentTenant currentTenant, Ids ids, Clock clock, List<ProductLeftovers> leftovers) {
        this.products = products;
        this.validation = validation;
        this.changes = changes;
        this.currentTenant = currentTenant;
        this.ids = ids;
        this.clock = clock;
        this.leftovers = leftovers;
    }

    @Transactional
    public Product create(Actor by, ProductForm form) {
        TenantId tenant = currentTenant.require();
        FieldChecks checks = new FieldChecks();
        String sku = validation.sku(checks, form.sku());
        Instant now = now();
        Product product = validation.validate(checks, tenant, form,
                new ProductValidation.Identity(ids.nextId(), null, sku, now, now), null);
        checks.throwIfAny();
        if (products.existsBySku(sku)) {
            throw new ConflictException("A product with the SKU " + sku + " exists.");
        }
        requireGtinFree(product);
        Product saved = products.save(product);
        changes.created(by, tenant, saved);
        return saved;
    }

    @Transactional
    public Product update(Actor by, String sku, ProductForm form) {
        TenantId tenant = currentTenant.require();
        Product current = products.findBySkuForUpdate(sku).orElseThrow(Products::notFound);
        FieldChecks checks = new FieldChecks();
        if (form.sku() != null && !form.sku().strip().equals(sku)) {
            checks.fail("sku", "SKU_IMMUTABLE", "a product's SKU does not change");
        }
        Product changed = validation.validate(checks, tenant, form, new ProductValidation.Identity(current.id(),
                current.tenantId(), current.sku(), current.createdAt(), now()), current);
        checks.throwIfAny();
        requireGtinFree(changed);
        Product saved = products.update(changed);
        changes.updated(by, tenant, saved);
        return saved;
    }

    /**
     * Deletes the product with what the catalog keeps of it: refused with {@code PRODUCT_HAS_STOCK} (422) while
     * bonded stock of it is on hand anywhere — goods under customs control, reservations included; with none,
     * its empty stock rows go (the ledger stays, the audit trail of what happened) and it leaves every store's
     * assortment ({@link ProductLeftovers}). All or nothing, in one transaction.
     */
    @Transactional
    public void delete(Actor by, String sku) {
        TenantId tenant = currentTenant.require();
        Product current = products.findBySkuForUpdate(sku).orElseThrow(Products::notFound);
        for (ProductLeftovers kept : leftovers) {
            kept.settleDeletion(by, tenant, current.sku());
        }
        products.delete(current);
        changes.deleted(by, tenant, current);
    }

    /** A barcode identifies one product of a tenant (the storefront's barcode lookup relies on it). */
    private void requireGtinFree(Product product) {
        if (product.gtin() != null) {
            products.findByGtin(product.gtin()).filter(other -> !other.sku().equals(product.sku())).ifPresent(other -> {
                throw new ConflictException("The GTIN " + product.gtin() + " belongs to the product " + other.sku() + ".");
            });
        }
    }

    /** Cut to what a DATETIME(6) column keeps, so an answer shows what a later read shows. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static NotFoundException notFound() {
        return new NotFoundException("No such product.");
    }
}
