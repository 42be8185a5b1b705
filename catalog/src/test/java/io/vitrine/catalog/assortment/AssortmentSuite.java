package io.vitrine.catalog.assortment;

import io.micronaut.context.ApplicationContext;
import io.vitrine.catalog.products.ProductPlacementChanged;
import io.vitrine.catalog.products.Products;
import io.vitrine.catalog.testing.CatalogFixtures;
import io.vitrine.catalog.testing.CatalogFixtures.Merchant;
import io.vitrine.catalog.testing.Interleaving;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;
import io.vitrine.tenants.audit.AuditEvent;
import io.vitrine.tenants.audit.AuditTrail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static io.vitrine.catalog.testing.CatalogFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Store assortments replaced whole and read back, run on H2 and on MariaDB. */
abstract class AssortmentSuite {

    private static final Actor ADMIN = Actor.staff("staff-2", "assortment-admin", StaffRole.RETAILER_ADMIN, null);

    private Assortments assortments;
    private StoreAssortments read;
    private CatalogFixtures fixtures;
    private Merchant merchant;
    private String warehouse;
    private String store;
    private List<String> skus;

    protected abstract ApplicationContext context();

    @BeforeEach
    void aStoreAndFourProducts() {
        assortments = context().getBean(Assortments.class);
        read = context().getBean(StoreAssortments.class);
        fixtures = new CatalogFixtures(context());
        warehouse = unique("WH");
        merchant = fixtures.merchantInParkWith(warehouse);
        store = unique("S");
        fixtures.store(merchant, store, warehouse);
        String prefix = unique("A");
        skus = IntStream.rangeClosed(1, 4).mapToObj(i -> prefix + "-" + i).toList();
        skus.forEach(sku -> fixtures.product(merchant, sku, warehouse));
    }

    @Test
    void a_replacement_sets_exactly_the_skus_given_and_says_what_changed() {
        AssortmentChange first = replace(skus.get(0), skus.get(1), skus.get(2));
        AssortmentChange second = replace(skus.get(3), skus.get(1));

        assertThat(first).isEqualTo(new AssortmentChange(store, 3, 3, 0, 1));
        assertThat(second).isEqualTo(new AssortmentChange(store, 2, 1, 2, 2));
        assertThat(as(() -> read.list(ADMIN, store, 0, 10)).getContent()).extracting(AssortedSku::sku)
                .containsExactly(skus.get(1), skus.get(3));
        assertThat(as(() -> read.list(ADMIN, store, 1, 1)).getContent()).extracting(AssortedSku::sku)
                .containsExactly(skus.get(3));
        assertThat(as(() -> read.contains(store, skus.get(3)))).isTrue();
        assertThat(as(() -> read.contains(store, skus.get(0)))).isFalse();
        assertThat(as(() -> read.assortedOf(store, skus))).containsExactly(skus.get(1), skus.get(3));
        List<AuditEvent> history = as(() -> context().getBean(AuditTrail.class).historyOf(merchant.tenant(), "store", store));
        assertThat(history).extracting(AuditEvent::action).containsExactly("ASSORTMENT_REPLACED", "ASSORTMENT_REPLACED");
        assertThat(as(() -> replace())).isEqualTo(new AssortmentChange(store, 0, 0, 2, 3));
        assertThat(as(() -> read.list(ADMIN, store, 0, 10)).getTotalSize()).isZero();
    }

    @Test
    void the_search_document_learns_which_stores_show_a_sku() {
        String other = unique("S");
        fixtures.store(merchant, other, warehouse);
        replace(skus.get(0), skus.get(1));
        as(() -> assortments.replace(ADMIN, other, List.of(skus.get(1))));

        assertThat(as(() -> read.storesShowing(skus)))
                .isEqualTo(Map.of(skus.get(0), Set.of(store), skus.get(1), Set.of(store, other)));
    }

    @Test
    void every_unknown_or_repeated_sku_is_named_and_nothing_changes() {
        replace(skus.get(0));
        Merchant neighbour = fixtures.neighbourOf(merchant);
        String theirs = unique("THEIRS");
        fixtures.product(neighbour, theirs, warehouse);

        assertThatThrownBy(() -> replace(skus.get(1), "NO-SUCH", theirs, skus.get(1), " "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(error -> error.field() + ":" + error.rule())
                        .containsExactly("skus[3]:SKU_REPEATED", "skus[4]:REQUIRED", "skus[1]:UNKNOWN_SKU",
                                "skus[2]:UNKNOWN_SKU"));
        assertThat(as(() -> read.assortedOf(store, skus))).containsExactly(skus.get(0));
        assertThatThrownBy(() -> as(() -> assortments.replace(ADMIN, store, null)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void another_tenants_store_is_not_found() {
        Merchant neighbour = fixtures.neighbourOf(merchant);
        String theirStore = unique("S");
        fixtures.store(neighbour, theirStore, warehouse);

        assertThatThrownBy(() -> as(() -> assortments.replace(ADMIN, theirStore, List.of(skus.get(0)))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(() -> read.list(ADMIN, theirStore, 0, 10))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(() -> read.contains(theirStore, skus.get(0)))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void each_sku_gained_or_lost_is_announced_in_events_of_at_most_500() {
        String prefix = unique("BULK");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1_100; i++) {
            many.add(prefix + "-" + i);
        }
        many.forEach(sku -> fixtures.product(merchant, sku, warehouse));
        int before = fixtures.events(merchant.tenant(), ProductPlacementChanged.TYPE);

        as(() -> assortments.replace(ADMIN, store, many));
        int afterFirst = fixtures.events(merchant.tenant(), ProductPlacementChanged.TYPE);
        as(() -> assortments.replace(ADMIN, store, many)); // no change, no event

        assertThat(afterFirst - before).isEqualTo(3);
        assertThat(fixtures.events(merchant.tenant(), ProductPlacementChanged.TYPE)).isEqualTo(afterFirst);
        assertThat(as(() -> read.list(ADMIN, store, 0, 1)).getTotalSize()).isEqualTo(1_100);
    }

    @Test
    void a_deleted_product_leaves_every_stores_assortment_and_the_search_index_hears_of_it() {
        String other = unique("S");
        fixtures.store(merchant, other, warehouse);
        replace(skus.get(0), skus.get(1));
        as(() -> assortments.replace(ADMIN, other, List.of(skus.get(1))));
        int before = fixtures.events(merchant.tenant(), ProductPlacementChanged.TYPE);

        as(() -> {
            context().getBean(Products.class).delete(ADMIN, skus.get(1));
            return null;
        });

        assertThat(fixtures.assortmentRows(merchant, skus.get(1))).isZero();
        assertThat(as(() -> read.list(ADMIN, store, 0, 10)).getContent()).extracting(AssortedSku::sku)
                .containsExactly(skus.get(0));
        assertThat(as(() -> read.list(ADMIN, other, 0, 10)).getTotalSize()).isZero();
        assertThat(fixtures.events(merchant.tenant(), ProductPlacementChanged.TYPE)).isEqualTo(before + 2);
        assertThat(as(() -> replace(skus.get(0)))).isEqualTo(new AssortmentChange(store, 1, 0, 0, 3));
    }

    @Test
    void a_save_made_from_an_older_version_is_refused_and_changes_nothing() {
        assertThat(as(() -> assortments.version(ADMIN, store))).isZero();
        AssortmentChange first = replace(skus.get(0));
        AssortmentChange second = as(() -> assortments.replace(ADMIN, store, List.of(skus.get(0), skus.get(1)), 1L));
        int events = fixtures.events(merchant.tenant(), ProductPlacementChanged.TYPE);

        assertThatThrownBy(() -> as(() -> assortments.replace(ADMIN, store, List.of(skus.get(2)), first.version())))
                .isInstanceOfSatisfying(StaleAssortmentException.class, e -> {
                    assertThat(e.currentVersion()).isEqualTo(2);
                    assertThat(e.getMessage()).contains(store, "version 2", "nothing was saved");
                });

        assertThat(second.version()).isEqualTo(2);
        assertThat(as(() -> assortments.version(ADMIN, store))).isEqualTo(2);
        assertThat(as(() -> read.assortedOf(store, skus))).containsExactly(skus.get(0), skus.get(1));
        assertThat(fixtures.events(merchant.tenant(), ProductPlacementChanged.TYPE)).isEqualTo(events);
        assertThat(as(() -> assortments.replace(ADMIN, store, List.of(skus.get(2)), 2L)).version()).isEqualTo(3);
    }

    @Test
    void two_saves_at_once_leave_exactly_the_last_list_and_events_name_every_sku_whose_listing_changed()
            throws Exception {
        replace(skus.get(0));
        int before = fixtures.events(merchant.tenant(), ProductPlacementChanged.TYPE);

        Interleaving.Outcome<AssortmentChange> second = new Interleaving(context()).firstHoldsThenSecond(
                merchant.tenant(),
                () -> assortments.replace(ADMIN, store, List.of(skus.get(0), skus.get(1))),
                () -> assortments.replace(ADMIN, store, List.of(skus.get(0), skus.get(2))));

        assertThat(second.failure()).isNull();
        assertThat(second.value()).isEqualTo(new AssortmentChange(store, 2, 1, 1, 3));
        assertThat(fixtures.assortedSkus(merchant, store)).containsExactly(skus.get(0), skus.get(2));
        assertThat(fixtures.assortmentCount(merchant, store)).isEqualTo(2);
        List<String> announced = fixtures.eventPayloads(merchant.tenant(), ProductPlacementChanged.TYPE);
        assertThat(announced).hasSize(before + 2);
        // the first save's event names skus[1]; the second's names skus[1] (gone again) and skus[2]
        assertThat(announced).filteredOn(payload -> payload.contains("\"" + skus.get(1) + "\"")).hasSize(2);
        assertThat(announced).filteredOn(payload -> payload.contains("\"" + skus.get(2) + "\"")).hasSize(1);
        assertThat(announced).filteredOn(payload -> payload.contains("\"" + skus.get(0) + "\"")).hasSize(1);
        assertThat(announced).filteredOn(payload -> payload.contains("\"" + skus.get(2) + "\""))
                .as("each names the store whose assortment changed")
                .allMatch(payload -> payload.contains("\"storeCode\":\"" + store + "\""));
    }

    @Test
    void a_save_from_an_old_version_waiting_for_a_concurrent_save_is_refused_once_that_one_commits() throws Exception {
        AssortmentChange read = replace(skus.get(0));

        Interleaving.Outcome<AssortmentChange> second = new Interleaving(context()).firstHoldsThenSecond(
                merchant.tenant(),
                () -> assortments.replace(ADMIN, store, List.of(skus.get(0), skus.get(1)), read.version()),
                () -> assortments.replace(ADMIN, store, List.of(skus.get(0), skus.get(2)), read.version()));

        assertThat(second.failure()).isInstanceOf(StaleAssortmentException.class);
        assertThat(fixtures.assortedSkus(merchant, store)).containsExactly(skus.get(0), skus.get(1));
    }

    @Test
    void a_save_racing_the_deletion_of_a_product_it_adds_refuses_the_sku_and_lists_no_deleted_product()
            throws Exception {
        Interleaving.Outcome<AssortmentChange> saved = new Interleaving(context()).firstHoldsThenSecond(
                merchant.tenant(),
                () -> context().getBean(Products.class).delete(ADMIN, skus.get(1)),
                () -> assortments.replace(ADMIN, store, List.of(skus.get(0), skus.get(1))));

        assertThat(saved.failure()).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                .extracting(error -> error.field() + ":" + error.rule()).containsExactly("skus[1]:UNKNOWN_SKU"));
        assertThat(fixtures.assortmentRows(merchant, skus.get(1))).isZero();
        assertThat(fixtures.assortedSkus(merchant, store)).isEmpty();
    }

    private AssortmentChange replace(String... codes) {
        return as(() -> assortments.replace(ADMIN, store, Arrays.asList(codes)));
    }

    private <T> T as(Supplier<T> work) {
        return TenantContext.callAs(merchant.tenant(), work::get);
    }
}
