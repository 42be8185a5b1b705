package io.vitrine.catalog.products;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * The current tenant's products with these SKUs, locked until the caller's transaction ends (a bulk
     * import's batch: two runners of one job cannot both create a SKU), and who has these barcodes.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Stored lockBySkus(Collection<String> skus, Collection<String> gtins) {
        Map<String, Product> bySku = new HashMap<>();
        for (List<String> batch : SkuBatches.of(skus, SkuBatches.IN_LIST)) {
            products.findBySkuInForUpdate(batch).forEach(product -> bySku.put(product.sku(), product));
        }
        Map<String, String> gtinOwners = new HashMap<>();
        for (List<String> batch : SkuBatches.of(gtins, SkuBatches.IN_LIST)) {
            products.findByGtinIn(batch).forEach(product -> gtinOwners.put(product.gtin(), product.sku()));
        }
        return new Stored(bySku, gtinOwners, validation.batch(currentTenant.require()));
    }

    /**
     * Products of a batch as stored: by SKU, the SKU owning each barcode asked about, and the product rules with
     * what they look up read once for the batch.
     */
    public record Stored(Map<String, Product> bySku, Map<String, String> gtinOwners, ProductValidation.Batch rules) {
    }

    /**
     * What {@link #putAll} will do with the form: create the product with the form's SKU, change it, or — when
     * every field is already as the form says — leave it alone (no write, no audit entry, no event: the search
     * index is not touched). The same rules as {@link #create} and {@link #update}; nothing is written here. A
     * refusal is added to {@code checks} (a barcode of another product: {@code gtin GTIN_TAKEN}) and answers null.
     *
     * @param batch     the batch's stored products ({@link #lockBySkus}) and its rules
     * @param current   the stored product with this SKU (from {@code batch}), or null
     * @param gtinOwner the SKU whose product has the form's barcode now (from {@code batch}), or null
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public ProductPut plan(FieldChecks checks, ProductForm form, Stored batch, @Nullable Product current,
                           @Nullable String gtinOwner) {
        String sku = validation.sku(checks, form.sku());
        Instant now = now();
        ProductValidation.Identity identity = current == null
                ? new ProductValidation.Identity(ids.nextId(), null, sku, now, now)
                : new ProductValidation.Identity(current.id(), current.tenantId(), current.sku(), current.createdAt(),
                current.updatedAt());
        Product product = batch.rules().validate(checks, form, identity, current);
        if (product != null && product.gtin() != null && gtinOwner != null && !gtinOwner.equals(product.sku())) {
            checks.fail("gtin", "GTIN_TAKEN", "the barcode of the product " + gtinOwner);
        }
        if (checks.hasErrors()) {
            return null;
        }
        if (current == null) {
            return new ProductPut(ProductPut.Outcome.CREATED, product);
        }
        if (product.sameFieldsAs(current)) {
            return new ProductPut(ProductPut.Outcome.UNCHANGED, current);
        }
        return new ProductPut(ProductPut.Outcome.UPDATED, product.changedAt(now));
    }

    /**
     * Writes a batch's {@link #plan}s inside the caller's transaction, with the audit and events of {@link #create}
     * and {@link #update}: the new products in one batched insert, the changed ones updated one by one, one audit
     * entry and one {@link ProductChanged} event per written product (batched) — a handful of statements per batch
     * of new products instead of four or five per product.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void putAll(Actor by, List<ProductPut> puts) {
        TenantId tenant = currentTenant.require();
        List<Product> created = puts.stream().filter(put -> put.outcome() == ProductPut.Outcome.CREATED)
                .map(ProductPut::product).toList();
        List<Product> updated = puts.stream().filter(put -> put.outcome() == ProductPut.Outcome.UPDATED)
                .map(ProductPut::product).toList();
        if (!created.isEmpty()) {
            changes.created(by, tenant, products.saveAll(created));
        }
        if (!updated.isEmpty()) {
            // one update each: Micronaut Data 4.14's batched updateAll cannot bind the tenant filter (an NPE on its
            // missing invocation context); a re-import changes few products, so the inserts are what batching buys
            updated.forEach(products::update);
            changes.updated(by, tenant, updated);
        }
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
