package io.vitrine.customs.declaration;

import io.micronaut.context.ApplicationContext;
import io.vitrine.customs.exchange.DxpEnvelope;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.outbox.infra.OutboxDispatcher;
import io.vitrine.kernel.privacy.PersonalDataCipher;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.ordering.Order;
import io.vitrine.orders.testing.OrderFixtures;
import io.vitrine.orders.testing.OrderFixtures.Shop;
import io.vitrine.orders.testing.TestBuyers;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue #6 "Console" on H2 and MariaDB: {@link SentMessageArchive} answers the very bytes the exchange sent (an order
 * declared through the real pipeline: outbox, real signer, directory exchange) and audits each read;
 * {@link DeclarationMonitor}'s SQL aggregates (counts, oldest stuck, clearance mean and nearest-rank percentiles) on
 * declarations of known times; {@link DeclarationOversight} sees only the tenants it is given.
 */
abstract class SentMessagesSuite {

    private final DeclaringShop customs = new DeclaringShop(declaring());
    private final ApplicationContext context = customs.context();
    private final OrderFixtures fixtures = customs.fixtures();
    private final Shop shop = customs.shop();

    protected abstract DeclarationContexts.Declaring declaring();

    @Test
    void the_archive_answers_the_bytes_the_exchange_sent_and_audits_every_read() throws Exception {
        String orderNo = paidOrder();
        context.getBean(OutboxDispatcher.class).dispatchDue();
        DeclarationMessage message = customs.transactions().executeRead(status ->
                context.getBean(DeclarationStore.class).messages(shop.tenant(), orderNo)).get(0);
        byte[] sent = DxpEnvelope.read(Files.readAllBytes(customs.send().resolve(message.fileName())),
                8 << 20).data();
        SentMessageArchive archive = context.getBean(SentMessageArchive.class);
        Actor auditor = Actor.staff("staff-" + UUID.randomUUID(), "auditor", StaffRole.CUSTOMS_OFFICER, null);

        assertThat(archive.signedXml(auditor, Set.of(shop.tenant()), orderNo, message.guid())).isEqualTo(sent);
        assertThat(archive.signedXml(auditor, Set.of(TenantId.of(UUID.randomUUID().toString()), shop.tenant()), orderNo,
                message.guid())).isEqualTo(sent);
        assertThat(fixtures.strings("SELECT tenant_id FROM audit_events WHERE action = ? AND subject_id = ?",
                SentMessageArchive.READ_ACTION, message.guid())).containsExactly(shop.tenant().value(), shop.tenant().value());

        assertThatThrownBy(() -> archive.signedXml(auditor, Set.of(TenantId.of(UUID.randomUUID().toString())), orderNo,
                message.guid())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> archive.signedXml(auditor, Set.of(), orderNo, message.guid()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> archive.signedXml(auditor, Set.of(shop.tenant()), "OTHER" + orderNo, message.guid()))
                .isInstanceOf(NotFoundException.class);
        assertThat(fixtures.count("SELECT COUNT(*) FROM audit_events WHERE action = ? AND subject_id = ?",
                SentMessageArchive.READ_ACTION, message.guid())).isEqualTo(2);
    }

    @Test
    void an_unsent_message_has_no_signed_xml_to_show() {
        TenantId tenant = TenantId.of(UUID.randomUUID().toString());
        String orderNo = orderNo();
        String guid = guid();
        Instant at = Instant.parse("2026-10-01T00:00:00Z");
        open(Declaration.open(UUID.randomUUID().toString(), tenant, orderNo, "1210", at), guid);
        Actor admin = Actor.staff("staff-x", "admin", StaffRole.RETAILER_ADMIN, tenant);
        assertThatThrownBy(() -> context.getBean(SentMessageArchive.class).signedXml(admin, Set.of(tenant), orderNo, guid))
                .isInstanceOf(ConflictException.class);
        assertThat(fixtures.count("SELECT COUNT(*) FROM audit_events WHERE subject_id = ?", guid)).isZero();
    }

    @Test
    void the_monitor_is_computed_by_the_database_over_the_tenants_given() {
        TenantId tenant = TenantId.of(UUID.randomUUID().toString());
        TenantId other = TenantId.of(UUID.randomUUID().toString());
        Instant opened = Instant.parse("2026-10-10T02:00:00Z");
        long[] seconds = {600, 1_200, 1_800, 2_400, 3_000, 3_600, 4_200, 4_800, 5_400, 60_000};
        for (long s : seconds) {
            releasedAfter(tenant, opened, s);
        }
        releasedAfter(other, opened, 10);
        Instant stuckSince = Instant.parse("2026-10-03T00:00:00Z");
        open(new Declaration(UUID.randomUUID().toString(), tenant, orderNo(), "1210", DeclarationStatus.INSPECTION,
                DeclarationStatus.ACCEPTED, DeclarationStatus.ACCEPTED, DeclarationStatus.INSPECTION, null, opened,
                stuckSince), guid());
        Instant closedEarlier = Instant.parse("2026-10-01T00:00:00Z");
        open(new Declaration(UUID.randomUUID().toString(), tenant, orderNo(), "1210", DeclarationStatus.CLOSED,
                DeclarationStatus.ACCEPTED, DeclarationStatus.ACCEPTED, DeclarationStatus.CLOSED, null, opened,
                closedEarlier), guid());

        DeclarationMonitor.Figures figures = context.getBean(DeclarationMonitor.class).figures(Set.of(tenant),
                Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z"));

        assertThat(figures.total()).isEqualTo(12);
        assertThat(figures.counts()).containsEntry(DeclarationStatus.RELEASED, 10L)
                .containsEntry(DeclarationStatus.INSPECTION, 1L).containsEntry(DeclarationStatus.CLOSED, 1L)
                .containsEntry(DeclarationStatus.REJECTED, 0L);
        assertThat(figures.oldestStuck()).isNotNull();
        assertThat(figures.oldestStuck().declaration().status()).isEqualTo(DeclarationStatus.INSPECTION);
        assertThat(figures.oldestStuck().age()).isGreaterThan(Duration.between(stuckSince, Instant.parse("2026-11-01T00:00:00Z")));
        // mean (600+…+5400+60000)/10 = 8700 s; nearest rank: p50 = 5th = 3000 s, p90 = 9th = 5400 s
        assertThat(figures.clearance()).isEqualTo(new DeclarationMonitor.Clearance(10, Duration.ofSeconds(8_700),
                Duration.ofSeconds(3_000), Duration.ofSeconds(5_400)));
        DeclarationMonitor.Figures none = context.getBean(DeclarationMonitor.class).figures(Set.of(tenant),
                Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-02T00:00:00Z"));
        assertThat(none.total()).isZero();
        assertThat(none.clearance()).isEqualTo(new DeclarationMonitor.Clearance(0, null, null, null));
        assertThat(context.getBean(DeclarationMonitor.class).figures(Set.of(), Instant.EPOCH, Instant.now()).total())
                .isZero();

        DeclarationOversight oversight = context.getBean(DeclarationOversight.class);
        assertThat(oversight.list(Set.of(other), null, null)).hasSize(1).allMatch(d -> d.tenant().equals(other));
        assertThat(oversight.list(Set.of(tenant, other), DeclarationStatus.INSPECTION, null)).hasSize(1);
        assertThat(oversight.list(Set.of(), null, null)).isEmpty();
    }

    // --- helpers

    private void releasedAfter(TenantId tenant, Instant opened, long seconds) {
        String orderNo = orderNo();
        String guid = guid();
        Instant released = opened.plusSeconds(seconds);
        open(new Declaration(UUID.randomUUID().toString(), tenant, orderNo, "1210", DeclarationStatus.RELEASED,
                DeclarationStatus.ACCEPTED, DeclarationStatus.ACCEPTED, DeclarationStatus.RELEASED, null, opened,
                released), guid);
        DeclarationStore store = context.getBean(DeclarationStore.class);
        customs.transactions().executeWrite(status -> {
            store.record(new RecordedReceipt(guid(), tenant, guid, orderNo, 120, opened.plusSeconds(1), null, opened));
            store.record(new RecordedReceipt(guid(), tenant, guid, orderNo, 800, released, null, released));
            // the 800 again, later, under another receipt id: still released at the first
            return store.record(new RecordedReceipt(guid(), tenant, guid, orderNo, 800, released.plusSeconds(99_999),
                    null, released));
        });
    }

    private void open(Declaration declaration, String guid) {
        PersonalDataCipher cipher = context.getBean(PersonalDataCipher.class);
        customs.transactions().executeWrite(status -> context.getBean(DeclarationStore.class).open(declaration,
                new DeclarationMessage(guid, declaration.tenant(), declaration.orderNo(), "CEB311", "1",
                        cipher.encrypt("<unsigned/>"), false, "CEB311_" + guid + ".xml", declaration.createdAt(), null, 0)));
    }

    private String paidOrder() {
        String sku = fixtures.product(shop, 29900, "1210", OrderFixtures.LISTED_HS_CODE, 5);
        Order placed = customs.placedOrder(sku, "张三", TestBuyers.newBuyer());
        customs.pay(placed, "2026113023" + placed.orderNo().substring(7));
        return placed.orderNo();
    }

    private static String orderNo() {
        return "M" + Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT);
    }

    private static String guid() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }
}
