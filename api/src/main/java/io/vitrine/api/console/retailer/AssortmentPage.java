package io.vitrine.api.console.retailer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;
import io.vitrine.api.console.ChinaTimeText;
import io.vitrine.api.console.ConsoleLinks;
import io.vitrine.api.console.ConsolePage;
import io.vitrine.api.console.FormBody;
import io.vitrine.api.console.FormErrors;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.catalog.assortment.AssortedSku;
import io.vitrine.catalog.assortment.AssortmentChange;
import io.vitrine.catalog.assortment.Assortments;
import io.vitrine.catalog.assortment.StaleAssortmentException;
import io.vitrine.catalog.assortment.StoreAssortments;
import io.vitrine.catalog.products.Catalog;
import io.vitrine.catalog.products.CatalogProduct;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;
import io.vitrine.tenants.stores.Store;
import io.vitrine.tenants.stores.Stores;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /console/stores/{code}/assortment}: which SKUs a store's kiosks and display shelves show. The store's SKUs
 * page by page, each with a box to take it off; a search of the catalog with a box to add each product found; and a
 * field for a list of SKUs to add at once. Saved through {@link Assortments#replace} — the store's whole list with
 * the boxes applied, so its rules (every SKU a product of the tenant, at most 20,000) and its events are the ones
 * of the API. A store manager reads the assortment of its own stores.
 * <p>
 * The form carries the version of the list it shows ({@code version}); a save made from a page that another save
 * (or a product deletion) has overtaken is refused — 409, the page shown again as it is now with what was typed,
 * and a notice that nothing was saved — instead of silently undoing the other change.
 */
@Controller("/console/stores/{code}/assortment")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@Hidden
final class AssortmentPage {

    static final int PAGE_SIZE = 100;
    static final int SEARCH_SIZE = 50;
    private static final int READ_BATCH = 1_000;

    private final Stores stores;
    private final StoreAssortments read;
    private final Assortments assortments;
    private final Catalog catalog;

    AssortmentPage(Stores stores, StoreAssortments read, Assortments assortments, Catalog catalog) {
        this.stores = stores;
        this.read = read;
        this.assortments = assortments;
        this.catalog = catalog;
    }

    @Get
    @Secured({"RETAILER_ADMIN", "STORE_MANAGER"})
    HttpResponse<?> show(Authentication caller, @PathVariable String code, @Nullable @QueryValue String q,
                         @QueryValue(defaultValue = "0") int page, @Nullable @QueryValue String added,
                         @Nullable @QueryValue String removed) {
        return page(HttpStatus.OK, caller, code, q, page, Map.of(), null,
                added == null ? null : new AssortmentChange(code, 0, parse(added), parse(removed), 0), false);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("RETAILER_ADMIN")
    HttpResponse<?> change(HttpRequest<?> request, Authentication caller, @PathVariable String code) {
        AssortmentFields fields = AssortmentFields.of(FormBody.of(request));
        Actor actor = StaffClaims.actorOf(caller);
        Store store = stores.get(actor, code);
        List<String> wanted = fields.applyTo(allSkus(actor, store.code()));
        try {
            AssortmentChange change = assortments.replace(actor, store.code(), wanted, fields.version());
            return ConsoleLinks.seeOther(request, "/console/stores/" + ConsoleLinks.encode(store.code())
                    + "/assortment?added=" + change.added() + "&removed=" + change.removed()
                    + (fields.q() == null || fields.q().isBlank() ? "" : "&q=" + ConsoleLinks.encode(fields.q().strip())));
        } catch (InvalidInputException invalid) {
            return page(HttpStatus.BAD_REQUEST, caller, code, fields.q(), 0, problems(invalid, request, wanted),
                    fields.skus(), null, false);
        } catch (StaleAssortmentException stale) {
            return page(HttpStatus.CONFLICT, caller, code, fields.q(), 0, Map.of(), fields.skus(), null, true);
        }
    }

    /** The store's whole list (at most {@link Assortments#MAX_SKUS}), read in batches. */
    private List<String> allSkus(Actor actor, String storeCode) {
        List<String> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<AssortedSku> batch = read.list(actor, storeCode, page, READ_BATCH);
            batch.getContent().forEach(row -> all.add(row.sku()));
            if (batch.getContent().size() < READ_BATCH) {
                return all;
            }
        }
    }

    /** The catalog's refusals named by SKU: its fields are positions in the whole list ({@code skus[12]}). */
    private static Map<String, String> problems(InvalidInputException invalid, HttpRequest<?> request, List<String> sent) {
        Map<String, String> byPosition = FormErrors.of(invalid, request);
        Map<String, String> bySku = new java.util.LinkedHashMap<>();
        byPosition.forEach((field, text) -> {
            String sku = field;
            if (field.startsWith("skus[") && field.endsWith("]")) {
                int at = Integer.parseInt(field.substring(5, field.length() - 1));
                sku = at < sent.size() ? sent.get(at) : field;
            }
            bySku.put(sku, text);
        });
        return bySku;
    }

    private HttpResponse<?> page(HttpStatus status, Authentication caller, String code, @Nullable String q, int page,
                                 Map<String, String> problems, @Nullable String typedSkus,
                                 @Nullable AssortmentChange saved, boolean stale) {
        Actor actor = StaffClaims.actorOf(caller);
        Store store = stores.get(actor, code);
        long version = assortments.version(actor, store.code()); // before the list: a change between shows as stale
        Page<AssortedSku> shown = read.list(actor, store.code(), Math.max(page, 0), PAGE_SIZE);
        boolean admin = actor.is(StaffRole.RETAILER_ADMIN);
        String query = q == null ? "" : q.strip();
        List<FoundRow> found = List.of();
        if (admin && !query.isEmpty()) {
            List<CatalogProduct> products = catalog.list(query, 0, SEARCH_SIZE).getContent();
            Set<String> already = read.assortedOf(store.code(),
                    products.stream().map(p -> p.product().sku()).toList());
            found = products.stream().map(p -> new FoundRow(p.product().sku(), p.product().nameZh(),
                    p.product().brand(), already.contains(p.product().sku()))).toList();
        }
        String base = "/console/stores/" + ConsoleLinks.encode(store.code()) + "/assortment";
        return ConsolePage.render(status, "assortment", ConsolePage.model(caller,
                "store", StoreFields.of(store),
                "skus", shown.getContent().stream().map(row -> new AssortedRow(row.sku(), ChinaTimeText.of(row.addedAt())))
                        .toList(),
                "page", Math.max(page, 0),
                "total", shown.getTotalSize(),
                "hasNext", (long) (Math.max(page, 0) + 1) * PAGE_SIZE < shown.getTotalSize(),
                "listTarget", query.isEmpty() ? base : base + "?q=" + ConsoleLinks.encode(query),
                "action", base,
                "q", query,
                "found", found,
                "problems", problems,
                "typedSkus", typedSkus,
                "saved", saved,
                "version", version,
                "stale", stale,
                "admin", admin));
    }

    private static int parse(@Nullable String count) {
        try {
            return count == null ? 0 : Math.max(Integer.parseInt(count), 0);
        } catch (NumberFormatException notACount) {
            return 0;
        }
    }

    public record AssortedRow(String sku, String addedAt) {
    }

    public record FoundRow(String sku, String name, String brand, boolean shown) {
    }

    /**
     * The boxes ticked: {@code remove} takes SKUs off, {@code add} puts found products on, {@code skus} is a typed
     * list (commas, spaces or lines) to put on as well. Repeated values are one. {@code version}: of the list the
     * page showed (none, or not a number: the save applies to the list as it is).
     */
    public record AssortmentFields(@Nullable List<String> add, @Nullable List<String> remove, @Nullable String skus,
                                   @Nullable String q, @Nullable Long version) {

        /** Read from the whole body ({@link FormBody}): a page of boxes makes a long form. */
        static AssortmentFields of(FormBody form) {
            return new AssortmentFields(form.all("add"), form.all("remove"), form.first("skus"), form.first("q"),
                    versionOf(form.first("version")));
        }

        @Nullable
        private static Long versionOf(@Nullable String text) {
            try {
                return text == null || text.isBlank() ? null : Long.parseLong(text.strip());
            } catch (NumberFormatException notAVersion) {
                return null;
            }
        }

        List<String> applyTo(List<String> current) {
            Set<String> wanted = new LinkedHashSet<>(current);
            if (remove != null) {
                remove.forEach(wanted::remove);
            }
            if (add != null) {
                add.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(wanted::add);
            }
            if (skus != null) {
                Arrays.stream(skus.split("[\\s,;，]+")).map(String::strip).filter(s -> !s.isEmpty()).forEach(wanted::add);
            }
            return new ArrayList<>(wanted);
        }
    }
}
