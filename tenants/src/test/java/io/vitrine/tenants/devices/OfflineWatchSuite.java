package io.vitrine.tenants.devices;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.outbox.infra.OutboxDispatcher;
import io.vitrine.kernel.privacy.PersonalDataCipher;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.testing.MutableClock;
import io.vitrine.kernel.testing.SqlProbe;
import io.vitrine.kernel.time.infra.SqlInstants;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.alerts.Alert;
import io.vitrine.tenants.alerts.Alerts;
import io.vitrine.tenants.alerts.WebhookDelivery;
import io.vitrine.tenants.alerts.WebhookReceiver;
import io.vitrine.tenants.audit.AuditTrail;
import io.vitrine.tenants.settings.Settings;
import io.vitrine.tenants.settings.SettingsForm;
import io.vitrine.tenants.settings.TenantSettingsRepository;
import io.vitrine.tenants.stores.StoreRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline watch on a real database (H2 and MariaDB) with the test's clock: a device silent past the online
 * window is alerted once per episode — across repeated rounds, two rounds at once and a second instance while the
 * first holds the round's lock — the alert reaches the tenant's webhook (a real receiver on loopback), the device's
 * next heartbeat ends the episode with DEVICE_BACK_ONLINE, and the fleet status calls offline exactly what was
 * alerted. Devices are inserted as rows: the watch reads the table, whoever wrote it.
 */
abstract class OfflineWatchSuite {

    private static final Duration WINDOW = Duration.ofMinutes(10); // vitrine.devices.online-window's default

    private ApplicationContext context;
    private TransactionOperations<Connection> transactions;
    private OfflineWatch watch;
    private MutableClock clock;
    private SqlProbe sql;
    private TenantId tenant;
    private TenantId other;

    protected abstract ApplicationContext context();

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        context = context();
        transactions = context.getBean(TransactionOperations.class);
        watch = context.getBean(OfflineWatch.class);
        clock = context.getBean(MutableClock.class);
        sql = new SqlProbe(transactions);
        tenant = TenantId.of("shop-" + UUID.randomUUID().toString().substring(0, 8));
        other = TenantId.of("shop-" + UUID.randomUUID().toString().substring(0, 8));
        watch.watch(); // what earlier tests left silent is not this test's business
        context.getBean(OutboxDispatcher.class).dispatchDue();
    }

    @Test
    void a_silent_device_is_alerted_once_per_episode_and_back_online_when_it_beats_again() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            webhook(tenant, receiver.url());
            String pos = device(tenant, "POS", "S001", "ACTIVE", clock.instant());
            String kiosk = device(tenant, "KIOSK", "S001", "ACTIVE", clock.instant().plus(Duration.ofMinutes(5)));

            clock.advance(WINDOW.minusSeconds(1));
            watch.watch();
            assertThat(alerts(tenant, "DEVICE_OFFLINE")).as("within the window").isEmpty();
            assertThat(offline(tenant)).isEmpty();

            clock.advance(Duration.ofSeconds(2));
            watch.watch();
            watch.watch();
            clock.advance(Duration.ofMinutes(30));
            watch.watch();
            List<Alert> offline = alerts(tenant, "DEVICE_OFFLINE");
            assertThat(offline).extracting(Alert::subject).as("one per device and episode, every round after")
                    .containsExactlyInAnyOrder(OfflineAlerts.subject(pos, lastSeen(pos)),
                            OfflineAlerts.subject(kiosk, lastSeen(kiosk)));
            assertThat(offline(tenant)).as("the fleet status says the same").containsExactlyInAnyOrder(pos, kiosk);
            Alert posAlert = offline.stream().filter(a -> a.subject().startsWith(pos)).findFirst().orElseThrow();
            assertThat(posAlert.details()).containsEntry("deviceKey", pos).containsEntry("storeCode", "S001")
                    .containsEntry("kind", "POS").containsEntry("lastSeenAtUtc", lastSeen(pos).toString());
            assertThat(posAlert.message()).contains(pos, "S001", "China time", "10 minutes");

            context.getBean(OutboxDispatcher.class).dispatchDue();
            assertThat(receiver.delivered()).hasSize(2);
            Map<String, Object> body = context.getBean(JsonMapper.class).readValue(receiver.delivered().get(0).body(),
                    Argument.mapOf(String.class, Object.class));
            assertThat(body).containsEntry("kind", "DEVICE_OFFLINE").containsEntry("tenantId", tenant.value());
            assertThat(alerts(tenant, "DEVICE_OFFLINE")).extracting(Alert::delivery)
                    .containsOnly(WebhookDelivery.DELIVERED);

            TenantContext.callAs(tenant, () -> context.getBean(Devices.class)
                    .recordHeartbeat(pos, clock.instant(), "pos-2.4.1"));
            watch.watch();
            watch.watch();
            List<Alert> back = alerts(tenant, "DEVICE_BACK_ONLINE");
            assertThat(back).extracting(Alert::subject).containsExactly(posAlert.subject());
            assertThat(back.get(0).details()).containsKey("backAt");
            assertThat(offline(tenant)).containsExactly(kiosk);
            context.getBean(OutboxDispatcher.class).dispatchDue();
            assertThat(receiver.delivered()).extracting(r -> r.header("X-Vitrine-Alert-Kind"))
                    .containsExactlyInAnyOrder("DEVICE_OFFLINE", "DEVICE_OFFLINE", "DEVICE_BACK_ONLINE");

            clock.advance(WINDOW.plusMinutes(1));
            watch.watch();
            assertThat(alerts(tenant, "DEVICE_OFFLINE")).as("silent again: a second episode").hasSize(3);
        }
    }

    @Test
    void never_seen_pending_and_other_tenants_devices_are_not_this_tenants_alerts_and_revoking_ends_an_episode() {
        String neverSeen = device(tenant, "POS", "S002", "ACTIVE", null);
        device(tenant, "KIOSK", "S002", "PENDING_PAIRING", null);
        String silent = device(tenant, "KIOSK", "S002", "ACTIVE", clock.instant());
        String theirs = device(other, "POS", "S002", "ACTIVE", clock.instant());

        clock.advance(WINDOW.plusMinutes(1));
        watch.watch();
        assertThat(alerts(tenant, "DEVICE_OFFLINE")).extracting(Alert::subject).singleElement().asString()
                .startsWith(silent);
        assertThat(alerts(other, "DEVICE_OFFLINE")).extracting(Alert::subject).singleElement().asString()
                .startsWith(theirs);
        assertThat(offline(tenant)).as("never seen is offline on the page, not alerted")
                .containsExactlyInAnyOrder(neverSeen, silent);

        update("UPDATE devices SET status = 'REVOKED' WHERE device_key = ?", silent);
        watch.watch();
        assertThat(sql.count("SELECT COUNT(*) FROM devices WHERE device_key = ? AND offline_since IS NULL", silent))
                .isEqualTo(1);
        assertThat(alerts(tenant, "DEVICE_BACK_ONLINE")).as("a revoked device is not back").isEmpty();
    }

    @Test
    void two_rounds_at_once_alert_a_silent_device_once() throws Exception {
        List<String> keys = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> device(tenant, "POS", "S00" + (i % 3), "ACTIVE", clock.instant())).toList();
        clock.advance(WINDOW.plusMinutes(1));
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<OfflineWatch.Round>> rounds = java.util.stream.Stream.of(1, 2)
                .map(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return watch.watch();
                })).toList();
        for (CompletableFuture<OfflineWatch.Round> round : rounds) {
            round.get();
        }
        assertThat(alerts(tenant, "DEVICE_OFFLINE")).hasSize(keys.size());
        assertThat(sql.count("SELECT COUNT(*) FROM outbox_events WHERE tenant_id = ? AND event_type = ?",
                tenant.value(), io.vitrine.tenants.alerts.AlertRaised.TYPE)).isEqualTo(keys.size());
    }

    @Test
    void a_second_instance_skips_the_round_the_first_holds_and_the_first_alerts() {
        String silent = device(tenant, "POS", "S003", "ACTIVE", clock.instant());
        clock.advance(WINDOW.plusMinutes(1));
        OfflineWatch second = new OfflineWatch(context.getBean(OfflineEpisodes.class),
                context.getBean(OfflineAlerts.class), context.getBean(OnlineWindow.class),
                context.getBean(io.vitrine.kernel.cache.DistributedLocks.class), Duration.ofMinutes(1), true);

        assertThat(watch.round()).isPresent();
        assertThat(second.round()).as("the lock is the first's for this round").isEmpty();
        assertThat(alerts(tenant, "DEVICE_OFFLINE")).extracting(Alert::subject).singleElement().asString()
                .startsWith(silent);
    }

    @Test
    void a_heartbeat_records_the_version_never_moves_last_seen_back_and_is_the_tenants_own_devices_only() {
        String pos = device(tenant, "POS", "S004", "ACTIVE", clock.instant());
        Devices devices = context.getBean(Devices.class);
        clock.advance(Duration.ofMinutes(2));

        Device beaten = TenantContext.callAs(tenant, () -> devices.recordHeartbeat(pos, clock.instant(), "pos-3.0")).orElseThrow();
        assertThat(beaten.appVersion()).isEqualTo("pos-3.0");
        assertThat(beaten.lastSeenAt()).isEqualTo(clock.instant().truncatedTo(ChronoUnit.MICROS));
        Device late = TenantContext.callAs(tenant, () -> devices.recordHeartbeat(pos,
                clock.instant().minus(Duration.ofHours(1)), "pos-3.1")).orElseThrow();
        assertThat(late.lastSeenAt()).as("a late event").isEqualTo(beaten.lastSeenAt());
        assertThat(late.appVersion()).isEqualTo("pos-3.1");
        assertThat(TenantContext.callAs(other, () -> devices.recordHeartbeat(pos, clock.instant(), "x")))
                .as("another tenant's device").isEmpty();
        assertThat(TenantContext.callAs(tenant, () -> devices.get(pos).appVersion())).as("unchanged").isEqualTo("pos-3.1");
    }

    @Test
    void a_tenants_own_threshold_decides_when_its_devices_are_offline_on_the_page_and_alerted() {
        offlineAfterMinutes(tenant, 30);
        String ours = device(tenant, "POS", "S005", "ACTIVE", clock.instant());
        String theirs = device(other, "POS", "S005", "ACTIVE", clock.instant());

        clock.advance(WINDOW.plusMinutes(1));
        watch.watch();
        assertThat(alerts(tenant, "DEVICE_OFFLINE")).as("11 minutes: within the tenant's 30").isEmpty();
        assertThat(offline(tenant)).isEmpty();
        assertThat(offlineCount(tenant)).isZero();
        assertThat(alerts(other, "DEVICE_OFFLINE")).as("the other tenant has the platform's 10 minutes")
                .extracting(Alert::subject).singleElement().asString().startsWith(theirs);
        assertThat(offline(other)).containsExactly(theirs);

        clock.advance(Duration.ofMinutes(19));
        watch.watch();
        assertThat(alerts(tenant, "DEVICE_OFFLINE")).as("30 minutes exactly: not more than 30").isEmpty();
        assertThat(offline(tenant)).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        watch.watch();
        List<Alert> alerted = alerts(tenant, "DEVICE_OFFLINE");
        assertThat(alerted).extracting(Alert::subject).singleElement().asString().startsWith(ours);
        assertThat(alerted.get(0).message()).contains("30 minutes");
        assertThat(offline(tenant)).as("the page, its filter and its summary say the same").containsExactly(ours);
        assertThat(offlineCount(tenant)).isEqualTo(1);
    }

    @Test
    void another_instances_threshold_change_is_seen_by_the_page_as_the_alerts_see_it() {
        Fleet thisInstance = fleetCachingSettingsFor(Duration.ofSeconds(10));
        String pos = device(tenant, "POS", "S006", "ACTIVE", clock.instant());
        clock.advance(WINDOW.plusMinutes(1));
        assertThat(TenantContext.callAs(tenant, () -> offlineOn(thisInstance)))
                .as("the platform's 10 minutes: offline (this instance's settings cache now holds the tenant's)")
                .containsExactly(pos);

        offlineAfterMinutes(tenant, 30); // through the context's Settings: another instance than thisInstance's
        watch.watch();

        assertThat(alerts(tenant, "DEVICE_OFFLINE")).as("11 minutes: within the tenant's new 30").isEmpty();
        assertThat(TenantContext.callAs(tenant, () -> offlineOn(thisInstance)))
                .as("the page agrees at once, not when its settings cache expires").isEmpty();
        clock.advance(Duration.ofMinutes(20));
        watch.watch();
        assertThat(alerts(tenant, "DEVICE_OFFLINE")).extracting(Alert::subject).singleElement().asString()
                .startsWith(pos);
        assertThat(TenantContext.callAs(tenant, () -> offlineOn(thisInstance))).containsExactly(pos);
    }

    // --- helpers

    /** The fleet status as an instance whose settings are cached for {@code ttl} (the production default) builds it. */
    private Fleet fleetCachingSettingsFor(Duration ttl) {
        Settings settings = new Settings(context.getBean(TenantSettingsRepository.class),
                context.getBean(CurrentTenant.class), context.getBean(PersonalDataCipher.class),
                context.getBean(AuditTrail.class), context.getBean(Ids.class), clock, ttl);
        return new Fleet(context.getBean(FleetQueries.class), context.getBean(StoreRepository.class),
                context.getBean(CurrentTenant.class), new OnlineWindow(clock, settings, WINDOW));
    }

    private static List<String> offlineOn(Fleet fleet) {
        return fleet.devices("offline", null, null, 0, 100).getContent().stream().map(FleetDevice::deviceKey).toList();
    }

    private void offlineAfterMinutes(TenantId in, int minutes) {
        TenantContext.runAs(in, () -> context.getBean(Settings.class).replace(Actor.system(), new SettingsForm(
                null, null, null, null, null, null, null, null, null, null, null, null, minutes)));
    }

    private long offlineCount(TenantId in) {
        return TenantContext.callAs(in, () -> context.getBean(Fleet.class).summary().kinds().stream()
                .mapToLong(FleetSummary.KindCounts::offline).sum());
    }


    private String device(TenantId in, String kind, String storeCode, String status, Instant lastSeen) {
        String key = "dk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 15);
        transactions.executeWrite(tx -> {
            try (PreparedStatement insert = tx.getConnection().prepareStatement("INSERT INTO devices (id, tenant_id, "
                    + "device_key, kind, store_code, status, last_seen_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, in.value());
                insert.setString(3, key);
                insert.setString(4, kind);
                insert.setString(5, storeCode);
                insert.setString(6, status);
                insert.setString(7, SqlInstants.text(lastSeen));
                insert.setString(8, SqlInstants.text(clock.instant()));
                return insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return key;
    }

    private void update(String statement, String value) {
        transactions.executeWrite(tx -> {
            try (PreparedStatement update = tx.getConnection().prepareStatement(statement)) {
                update.setString(1, value);
                return update.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private Instant lastSeen(String deviceKey) {
        return TenantContext.callAs(tenant, () -> context.getBean(Fleet.class).devices(null, null, null, 0, 100)
                .getContent().stream().filter(d -> d.deviceKey().equals(deviceKey)).findFirst().orElseThrow()
                .lastSeenAt());
    }

    private List<Alert> alerts(TenantId in, String kind) {
        return TenantContext.callAs(in, () -> context.getBean(Alerts.class).list(kind, null, 0, 100).items());
    }

    private List<String> offline(TenantId in) {
        return TenantContext.callAs(in, () -> context.getBean(Fleet.class).devices("offline", null, null, 0, 100)
                .getContent().stream().map(FleetDevice::deviceKey).toList());
    }

    private void webhook(TenantId in, String url) {
        TenantContext.runAs(in, () -> context.getBean(Settings.class).replace(Actor.system(), new SettingsForm(
                null, null, null, null, null, null, null, null, null, null, null, url)));
    }
}
