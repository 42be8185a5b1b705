package io.vitrine.pos.events;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.testing.MutableClock;
import io.vitrine.pos.fleet.DeviceHeartbeat;
import io.vitrine.pos.fleet.DeviceStatuses;
import io.vitrine.pos.storestock.CountReconciliation;
import io.vitrine.pos.storestock.StockReconciliation;
import io.vitrine.pos.storestock.StoreStock;
import io.vitrine.pos.storestock.StoreStockLevel;
import io.vitrine.pos.testing.PosShop;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.vitrine.pos.testing.EventJson.batch;
import static io.vitrine.pos.testing.EventJson.count;
import static io.vitrine.pos.testing.EventJson.heartbeat;
import static io.vitrine.pos.testing.EventJson.offset;
import static io.vitrine.pos.testing.EventJson.returned;
import static io.vitrine.pos.testing.EventJson.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Event ingest on H2 and on MariaDB: each event answered on its own, applied once across retries, threads and
 * tenants, and store stock the same whatever order the events arrive in.
 */
abstract class EventIngestSuite {

    private ApplicationContext context;
    private EventIngest ingest;
    private Instant now;

    protected abstract ApplicationContext context();

    @BeforeEach
    void setUp() {
        context = context();
        ingest = context.getBean(EventIngest.class);
        now = context.getBean(Clock.class).instant().truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void a_batch_of_each_type_is_accepted_and_moves_store_stock_and_fleet_status() {
        PosShop shop = new PosShop(context, 2);
        List<EventResult> results = ingest.ingest(shop.device(), batch(
                count("c1", now.minusSeconds(600), shop.sku(0), 10),
                sale("s1", now.minusSeconds(300), shop.sku(0), 3),
                returned("r1", now.minusSeconds(200), shop.sku(0), 1),
                sale("s2", now.minusSeconds(100), shop.sku(1), 2),
                heartbeat("h1", now.minusSeconds(5), "2.4.1")));

        assertThat(results).extracting(EventResult::eventId, EventResult::status).containsExactly(
                tuple("c1", EventStatus.ACCEPTED), tuple("s1", EventStatus.ACCEPTED), tuple("r1", EventStatus.ACCEPTED),
                tuple("s2", EventStatus.ACCEPTED), tuple("h1", EventStatus.ACCEPTED));
        assertThat(levels(shop)).containsEntry(shop.sku(0), 8L).containsEntry(shop.sku(1), -2L);
        DeviceHeartbeat status = context.getBean(DeviceStatuses.class).lastSeen(shop.tenant(), shop.device().deviceKey())
                .orElseThrow();
        assertThat(status.appVersion()).isEqualTo("2.4.1");
        assertThat(status.lastHeartbeatAt()).isEqualTo(now.minusSeconds(5));
        assertThat(status.clockSkew()).isBetween(Duration.ofSeconds(4), Duration.ofMinutes(1));
        assertThat(shop.count("SELECT COUNT(*) FROM pos_events WHERE tenant_id = ?", shop.tenant().value())).isEqualTo(5);
    }

    @Test
    void a_resubmitted_batch_answers_duplicate_and_applies_nothing_twice() {
        PosShop shop = new PosShop(context, 1);
        byte[] body = batch(count("c1", now.minusSeconds(600), shop.sku(0), 10),
                sale("s1", now.minusSeconds(300), shop.sku(0), 3));
        ingest.ingest(shop.device(), body);

        List<EventResult> again = ingest.ingest(shop.device(), body);

        assertThat(again).extracting(EventResult::status).containsOnly(EventStatus.DUPLICATE);
        assertThat(levels(shop)).containsEntry(shop.sku(0), 7L);
        assertThat(shop.count("SELECT COUNT(*) FROM store_stock_movements WHERE tenant_id = ?", shop.tenant().value()))
                .isEqualTo(2);
    }

    @Test
    void a_used_event_id_with_other_content_is_rejected_as_a_conflict_and_the_first_stays_applied() {
        PosShop shop = new PosShop(context, 1);
        ingest.ingest(shop.device(), batch(sale("s1", now.minusSeconds(300), shop.sku(0), 3)));

        List<EventResult> results = ingest.ingest(shop.device(), batch(sale("s1", now.minusSeconds(300), shop.sku(0), 5),
                sale("s1", now.minusSeconds(300), shop.sku(0), 3)));

        assertThat(results).extracting(EventResult::status).containsExactly(EventStatus.REJECTED, EventStatus.DUPLICATE);
        assertThat(results.get(0).error().code()).isEqualTo("EVENT_ID_CONFLICT");
        assertThat(levels(shop)).containsEntry(shop.sku(0), -3L);
    }

    @Test
    void the_same_id_twice_in_one_batch_is_applied_once() {
        PosShop shop = new PosShop(context, 1);
        List<EventResult> results = ingest.ingest(shop.device(), batch(sale("s1", now.minusSeconds(9), shop.sku(0), 2),
                sale("s1", now.minusSeconds(9), shop.sku(0), 2)));

        assertThat(results).extracting(EventResult::status).containsExactly(EventStatus.ACCEPTED, EventStatus.DUPLICATE);
        assertThat(levels(shop)).containsEntry(shop.sku(0), -2L);
    }

    @Test
    void one_bad_event_is_rejected_with_its_reason_and_the_others_go_in() {
        PosShop shop = new PosShop(context, 1);
        String sku = shop.sku(0);
        String at = offset(now.minusSeconds(60));
        List<EventResult> results = ingest.ingest(shop.device(), batch(
                sale("ok-1", now.minusSeconds(60), sku, 1),
                sale("neg", now.minusSeconds(60), sku, -2),
                sale("unknown", now.minusSeconds(60), "NO-SUCH-SKU", 1),
                sale("bad id!", now.minusSeconds(60), sku, 1),
                sale("future", now.plus(Duration.ofMinutes(6)), sku, 1),
                sale("old", now.minus(Duration.ofDays(31)), sku, 1),
                "{\"eventId\":\"words\",\"type\":\"SALE\",\"occurredAt\":\"" + at + "\",\"receiptNo\":\"R1\","
                        + "\"lines\":[{\"sku\":\"" + sku + "\",\"qty\":\"two\",\"amountFen\":1}]}",
                "{\"eventId\":\"half\",\"type\":\"SALE\",\"occurredAt\":\"" + at + "\",\"receiptNo\":\"R1\","
                        + "\"lines\":[{\"sku\":\"" + sku + "\",\"qty\":1.5,\"amountFen\":1}]}",
                "{\"eventId\":\"kind\",\"type\":\"REFUND\",\"occurredAt\":\"" + at + "\"}",
                "{\"eventId\":\"local\",\"type\":\"HEARTBEAT\",\"occurredAt\":\"2026-03-01T10:00:00\"}",
                "{\"eventId\":\"elsewhere\",\"type\":\"HEARTBEAT\",\"occurredAt\":\"" + at + "\",\"storeCode\":\"S2\"}",
                "{\"eventId\":\"negcount\",\"type\":\"STOCK_COUNT\",\"occurredAt\":\"" + at + "\","
                        + "\"lines\":[{\"sku\":\"" + sku + "\",\"countedQty\":-1}]}",
                "{\"eventId\":\"noreceipt\",\"type\":\"RETURN\",\"occurredAt\":\"" + at + "\","
                        + "\"lines\":[{\"sku\":\"" + sku + "\",\"qty\":1,\"amountFen\":1}]}",
                "\"not an event\"",
                sale("ok-2", now.minusSeconds(30), sku, 2)));

        assertThat(results).extracting(EventResult::eventId, EventResult::status,
                r -> r.error() == null ? null : r.error().code(), r -> r.error() == null ? null : r.error().field())
                .containsExactly(
                        tuple("ok-1", EventStatus.ACCEPTED, null, null),
                        tuple("neg", EventStatus.REJECTED, "QTY_NOT_POSITIVE", "lines[0].qty"),
                        tuple("unknown", EventStatus.REJECTED, "UNKNOWN_SKU", "lines[0].sku"),
                        tuple("bad id!", EventStatus.REJECTED, "EVENT_ID_FORM", "eventId"),
                        tuple("future", EventStatus.REJECTED, "OCCURRED_IN_FUTURE", "occurredAt"),
                        tuple("old", EventStatus.REJECTED, "TOO_OLD", "occurredAt"),
                        tuple("words", EventStatus.REJECTED, "QTY_NOT_POSITIVE", "lines[0].qty"),
                        tuple("half", EventStatus.REJECTED, "QTY_NOT_POSITIVE", "lines[0].qty"),
                        tuple("kind", EventStatus.REJECTED, "TYPE_UNKNOWN", "type"),
                        tuple("local", EventStatus.REJECTED, "OCCURRED_AT_FORM", "occurredAt"),
                        tuple("elsewhere", EventStatus.REJECTED, "STORE_MISMATCH", "storeCode"),
                        tuple("negcount", EventStatus.REJECTED, "QTY_NEGATIVE", "lines[0].countedQty"),
                        tuple("noreceipt", EventStatus.REJECTED, "RECEIPT_NO_FORM", "receiptNo"),
                        tuple(null, EventStatus.REJECTED, "NOT_AN_EVENT", null),
                        tuple("ok-2", EventStatus.ACCEPTED, null, null));
        assertThat(levels(shop)).containsEntry(sku, -3L);
        assertThat(shop.count("SELECT COUNT(*) FROM pos_events WHERE tenant_id = ?", shop.tenant().value())).isEqualTo(2);
    }

    @Test
    void a_body_that_is_not_a_batch_or_is_too_large_is_refused_whole_and_changes_nothing() {
        PosShop shop = new PosShop(context, 1);
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i <= EventIngestSettings.MAX_EVENTS; i++) {
            tooMany.add(sale("s" + i, now.minusSeconds(60), shop.sku(0), 1));
        }

        assertThatThrownBy(() -> ingest.ingest(shop.device(), "{\"events\":[{".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("body");
        assertThatThrownBy(() -> ingest.ingest(shop.device(), "{\"items\":[]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("events");
        assertThatThrownBy(() -> ingest.ingest(shop.device(), batch(tooMany)))
                .isInstanceOf(BatchTooLargeException.class).hasMessageContaining("500");
        assertThat(ingest.ingest(shop.device(), batch(tooMany.subList(0, 500)))).hasSize(500)
                .extracting(EventResult::status).containsOnly(EventStatus.ACCEPTED);
        assertThat(levels(shop)).containsEntry(shop.sku(0), -500L);
    }

    @Test
    void a_sale_that_occurred_before_the_latest_count_arriving_late_leaves_the_level_as_counted() {
        PosShop shop = new PosShop(context, 1);
        String sku = shop.sku(0);
        ingest.ingest(shop.device(), batch(count("c1", now.minus(Duration.ofDays(2)), sku, 20),
                count("c2", now.minus(Duration.ofDays(1)), sku, 15), sale("s-after", now.minusSeconds(60), sku, 1)));

        ingest.ingest(shop.device(), batch(sale("s-late", now.minus(Duration.ofHours(30)), sku, 4),
                count("c0", now.minus(Duration.ofDays(3)), sku, 99)));

        assertThat(levels(shop)).containsEntry(sku, 14L);
        List<CountReconciliation> report = report(shop, now.minus(Duration.ofDays(10)));
        assertThat(report).extracting(CountReconciliation::eventId, CountReconciliation::expected,
                CountReconciliation::counted, CountReconciliation::difference).containsExactly(
                tuple("c0", null, 99L, null),
                tuple("c1", 99L, 20L, -79L),
                tuple("c2", 16L, 15L, -1L));
    }

    /**
     * Property-like: a day of a store's events — counts, sales and returns of three SKUs at random times — delivered
     * in several random orders, split into random batches, some batches resent, from two devices; every delivery ends
     * with the levels and the reconciliation report of in-order delivery.
     */
    @Test
    void any_arrival_order_with_retries_gives_the_levels_and_report_of_in_order_arrival() {
        Random random = new Random(20260301L);
        for (int round = 0; round < 4; round++) {
            PosShop inOrder = new PosShop(context, 3);
            List<TimedEvent> events = day(inOrder, new Random(20260301L + round));
            deliver(inOrder, events, new Random(0), false);
            Map<String, Long> expected = levelsByIndex(inOrder);
            List<List<Object>> expectedReport = reportByIndex(inOrder);

            PosShop shuffled = new PosShop(context, 3);
            List<TimedEvent> arrival = new ArrayList<>(rebind(events, inOrder, shuffled));
            Collections.shuffle(arrival, random);
            deliver(shuffled, arrival, random, true);

            assertThat(levelsByIndex(shuffled)).as("round %d", round).isEqualTo(expected);
            assertThat(reportByIndex(shuffled)).as("round %d", round).isEqualTo(expectedReport);
            assertThat(expected).isNotEmpty();
        }
    }

    @Test
    void the_same_batch_posted_by_two_threads_at_once_is_applied_once() throws Exception {
        for (int round = 0; round < 3; round++) {
            PosShop shop = new PosShop(context, 2);
            List<String> events = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                events.add(sale("s" + i, now.minusSeconds(1000 - i), shop.sku(i % 2), 1));
            }
            events.add(heartbeat("h", now.minusSeconds(1), "3.0"));
            byte[] body = batch(events);
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<List<EventResult>>> posts = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    posts.add(pool.submit(() -> {
                        start.await();
                        return ingest.ingest(shop.device(), body);
                    }));
                }
                List<EventStatus> first = statuses(posts.get(0).get(60, TimeUnit.SECONDS));
                List<EventStatus> second = statuses(posts.get(1).get(60, TimeUnit.SECONDS));
                for (int i = 0; i < first.size(); i++) {
                    assertThat(List.of(first.get(i), second.get(i)))
                            .containsExactlyInAnyOrder(EventStatus.ACCEPTED, EventStatus.DUPLICATE);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(levels(shop)).containsEntry(shop.sku(0), -100L).containsEntry(shop.sku(1), -100L);
            assertThat(shop.count("SELECT COUNT(*) FROM store_stock_movements WHERE tenant_id = ?",
                    shop.tenant().value())).isEqualTo(200);
        }
    }

    @Test
    void another_tenants_device_with_the_same_event_ids_touches_only_its_own_store() {
        PosShop mine = new PosShop(context, 1);
        PosShop theirs = new PosShop(context, 1);
        ingest.ingest(mine.device(), batch(sale("s1", now.minusSeconds(60), mine.sku(0), 3)));

        List<EventResult> results = ingest.ingest(theirs.device(), batch(sale("s1", now.minusSeconds(60),
                mine.sku(0), 3), sale("s2", now.minusSeconds(60), theirs.sku(0), 1)));

        assertThat(results).extracting(r -> r.error() == null ? r.status().name() : r.error().code())
                .containsExactly("UNKNOWN_SKU", "ACCEPTED");
        assertThat(levels(mine)).containsExactly(Map.entry(mine.sku(0), -3L));
        assertThat(levels(theirs)).containsExactly(Map.entry(theirs.sku(0), -1L));
    }

    @Test
    void a_late_heartbeat_makes_the_device_seen_now_but_never_rolls_its_version_back() {
        PosShop shop = new PosShop(context, 0);
        DeviceStatuses statuses = context.getBean(DeviceStatuses.class);
        ingest.ingest(shop.device(), batch(heartbeat("h2", now.minusSeconds(60), "2.0"),
                heartbeat("h1", now.minusSeconds(120), "1.9")));
        ingest.ingest(shop.device(), batch(heartbeat("h0", now.minus(Duration.ofHours(5)), "1.8")));

        DeviceHeartbeat status = statuses.lastSeen(shop.tenant(), shop.device().deviceKey()).orElseThrow();
        assertThat(status.appVersion()).isEqualTo("2.0");
        assertThat(status.lastHeartbeatAt()).isEqualTo(now.minusSeconds(60));
        assertThat(statuses.list(shop.tenant(), shop.store())).extracting(DeviceHeartbeat::deviceKey)
                .containsExactly(shop.device().deviceKey());
        assertThat(statuses.silentSince(shop.tenant(), status.lastSeenAt().plusSeconds(1))).hasSize(1);
        assertThat(statuses.silentSince(shop.tenant(), status.lastSeenAt())).isEmpty();
    }

    @Test
    void the_ledger_outlives_the_max_age_so_a_days_late_resend_is_refused_never_applied_twice_and_heartbeats_go_sooner() {
        PosShop shop = new PosShop(context, 1);
        MutableClock clock = context.getBean(MutableClock.class);
        LedgerRetention retention = context.getBean(LedgerRetention.class);
        DeviceStatuses statuses = context.getBean(DeviceStatuses.class);
        byte[] old = batch(sale("old-sale", now.minus(Duration.ofDays(29)), shop.sku(0), 2),
                heartbeat("old-beat", now.minus(Duration.ofDays(3)), "1.0"));
        byte[] recent = batch(sale("new-sale", now.minus(Duration.ofDays(1)), shop.sku(0), 1),
                heartbeat("new-beat", now.minusSeconds(30), "2.0"));
        ingest.ingest(shop.device(), old);
        ingest.ingest(shop.device(), recent);

        retention.prune(clock.instant());
        assertThat(ledger(shop)).as("a heartbeat goes after 2 days, a sale after 31")
                .containsExactlyInAnyOrder("old-sale", "new-sale", "new-beat");
        assertThat(ingest.ingest(shop.device(), batch(heartbeat("old-beat", now.minus(Duration.ofDays(3)), "1.0"))))
                .extracting(EventResult::status).as("a pruned heartbeat resent is applied again: harmless")
                .containsExactly(EventStatus.ACCEPTED);
        assertThat(statuses.lastSeen(shop.tenant(), shop.device().deviceKey()).orElseThrow().appVersion())
                .as("and it rolls nothing back").isEqualTo("2.0");
        assertThat(ingest.ingest(shop.device(), old)).extracting(EventResult::status).as("within the max age: kept")
                .containsExactly(EventStatus.DUPLICATE, EventStatus.DUPLICATE);

        clock.advance(Duration.ofDays(3));
        retention.prune(clock.instant());
        assertThat(ledger(shop)).as("the sale of 32 days ago and every heartbeat are gone")
                .containsExactly("new-sale");
        List<EventResult> late = ingest.ingest(shop.device(), old);
        assertThat(late.get(0).status()).isEqualTo(EventStatus.REJECTED);
        assertThat(late.get(0).error().code()).as("refused by its age before the ledger is asked").isEqualTo("TOO_OLD");
        assertThat(ingest.ingest(shop.device(), recent).get(0).status()).isEqualTo(EventStatus.DUPLICATE);
        assertThat(levels(shop)).as("each sale applied once").containsEntry(shop.sku(0), -3L);
        assertThat(shop.count("SELECT COUNT(*) FROM store_stock_movements WHERE tenant_id = ?", shop.tenant().value()))
                .isEqualTo(2);
    }

    @Test
    void a_ledger_retention_not_longer_than_the_max_age_is_refused_at_start() {
        EventIngestSettings settings = context.getBean(EventIngestSettings.class);
        assertThatThrownBy(() -> new LedgerRetention(context.getBean(EventLedger.class), settings,
                settings.maxAge(), Duration.ofDays(2), 1000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TOO_OLD");
    }

    @SuppressWarnings("unchecked")
    private List<String> ledger(PosShop shop) {
        return new io.vitrine.kernel.testing.SqlProbe(context.getBean(
                io.micronaut.transaction.TransactionOperations.class)).strings(
                "SELECT event_id FROM pos_events WHERE tenant_id = ?", shop.tenant().value());
    }

    // --- the shuffled-delivery property's helpers

    /** One event of a store's day: its JSON and the device that sends it. */
    private record TimedEvent(boolean second, String json) {
    }

    private List<TimedEvent> day(PosShop shop, Random random) {
        List<TimedEvent> events = new ArrayList<>();
        Instant start = now.minus(Duration.ofDays(2));
        for (int i = 0; i < 60; i++) {
            Instant at = start.plusSeconds(random.nextInt(86_400) * 2L);
            String sku = shop.sku(random.nextInt(3));
            int pick = random.nextInt(10);
            boolean second = random.nextBoolean();
            String id = "e" + i;
            events.add(new TimedEvent(second, pick < 2 ? count(id, at, sku, random.nextInt(30))
                    : pick < 8 ? sale(id, at, sku, 1 + random.nextInt(3)) : returned(id, at, sku, 1)));
        }
        events.sort((a, b) -> a.json().substring(a.json().indexOf("occurredAt")).compareTo(
                b.json().substring(b.json().indexOf("occurredAt"))));
        return events;
    }

    private static List<TimedEvent> rebind(List<TimedEvent> events, PosShop from, PosShop to) {
        List<TimedEvent> rebound = new ArrayList<>();
        for (TimedEvent event : events) {
            String json = event.json();
            for (int i = 0; i < 3; i++) {
                json = json.replace(from.sku(i), to.sku(i));
            }
            rebound.add(new TimedEvent(event.second(), json));
        }
        return rebound;
    }

    private void deliver(PosShop shop, List<TimedEvent> events, Random random, boolean resend) {
        int i = 0;
        while (i < events.size()) {
            int size = resend ? 1 + random.nextInt(12) : events.size();
            List<TimedEvent> chunk = events.subList(i, Math.min(events.size(), i + size));
            for (boolean second : new boolean[]{false, true}) {
                List<String> json = chunk.stream().filter(e -> e.second() == second).map(TimedEvent::json).toList();
                if (json.isEmpty()) {
                    continue;
                }
                IngestingDevice device = second ? shop.otherDevice() : shop.device();
                assertThat(ingest.ingest(device, batch(json))).extracting(EventResult::status)
                        .containsOnly(EventStatus.ACCEPTED);
                if (resend && random.nextBoolean()) {
                    assertThat(ingest.ingest(device, batch(json))).extracting(EventResult::status)
                            .containsOnly(EventStatus.DUPLICATE);
                }
            }
            i += size;
        }
    }

    private Map<String, Long> levelsByIndex(PosShop shop) {
        return levels(shop).entrySet().stream()
                .collect(Collectors.toMap(e -> "sku" + shop.skus().indexOf(e.getKey()), Map.Entry::getValue));
    }

    private List<List<Object>> reportByIndex(PosShop shop) {
        return report(shop, now.minus(Duration.ofDays(10))).stream()
                .map(r -> List.<Object>of(shop.skus().indexOf(r.sku()), r.countedAt(), r.eventId(),
                        String.valueOf(r.expected()), r.counted(), r.sold(), r.returned()))
                .sorted((a, b) -> a.toString().compareTo(b.toString()))
                .toList();
    }

    // --- reading the outcome

    private Map<String, Long> levels(PosShop shop) {
        return context.getBean(StoreStock.class).levels(shop.tenant(), shop.store()).stream()
                .collect(Collectors.toMap(StoreStockLevel::sku, StoreStockLevel::onHand));
    }

    private List<CountReconciliation> report(PosShop shop, Instant from) {
        Actor admin = Actor.staff("staff-1", "admin", StaffRole.RETAILER_ADMIN, shop.tenant());
        return TenantContext.callAs(shop.tenant(), () -> context.getBean(StockReconciliation.class)
                .report(admin, shop.store(), from, now.plusSeconds(1)));
    }

    private static List<EventStatus> statuses(List<EventResult> results) {
        return results.stream().map(EventResult::status).toList();
    }
}
