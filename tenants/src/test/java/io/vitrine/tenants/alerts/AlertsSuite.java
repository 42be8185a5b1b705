package io.vitrine.tenants.alerts;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.core.type.Argument;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.outbox.infra.OutboxDispatcher;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.testing.MutableClock;
import io.vitrine.kernel.testing.SqlProbe;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.settings.Settings;
import io.vitrine.tenants.settings.SettingsForm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Alerts on a real database (H2 and MariaDB): raised once per tenant, kind and subject in the caller's transaction
 * with its event, listed per tenant newest first, acknowledged, and posted to the tenant's webhook — a real receiver
 * on loopback — by the outbox listener, retried with the outbox's backoff while the receiver fails.
 */
abstract class AlertsSuite {

    private ApplicationContext context;
    private TransactionOperations<Connection> transactions;
    private Alerts alerts;
    private OutboxDispatcher dispatcher;
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
        alerts = context.getBean(Alerts.class);
        dispatcher = context.getBean(OutboxDispatcher.class);
        clock = context.getBean(MutableClock.class);
        sql = new SqlProbe(transactions);
        tenant = TenantId.of("shop-" + UUID.randomUUID().toString().substring(0, 8));
        other = TenantId.of("shop-" + UUID.randomUUID().toString().substring(0, 8));
        dispatcher.dispatchDue(); // what earlier tests left due is not this test's business
    }

    @Test
    void the_same_kind_and_subject_raised_twice_is_one_alert_with_one_event() {
        assertThat(raise(tenant, mismatch("V1"))).isTrue();
        assertThat(raise(tenant, mismatch("V1"))).isFalse();
        assertThat(raise(tenant, new NewAlert("OTHER_KIND", AlertSeverity.INFO, "V1", "another kind", Map.of())))
                .isTrue();
        assertThat(raise(other, mismatch("V1"))).as("another tenant's alert of the same subject").isTrue();

        assertThat(sql.count("SELECT COUNT(*) FROM alerts WHERE tenant_id = ? AND kind = ?", tenant.value(),
                "PAYMENT_AMOUNT_MISMATCH")).isEqualTo(1);
        assertThat(sql.count("SELECT COUNT(*) FROM outbox_events WHERE event_type = ? AND tenant_id = ?",
                AlertRaised.TYPE, tenant.value())).isEqualTo(2);
        Alert stored = list(tenant, "PAYMENT_AMOUNT_MISMATCH", null).items().get(0);
        assertThat(stored.severity()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(stored.details()).containsEntry("orderTotalFen", "32621").containsEntry("paidFen", "1");
        assertThat(stored.occurredAt()).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(stored.delivery()).isEqualTo(WebhookDelivery.PENDING);
    }

    @Test
    void an_alert_raised_in_a_transaction_that_rolls_back_leaves_nothing_and_is_raised_again_later() {
        assertThatThrownBy(() -> transactions.executeWrite(status -> TenantContext.callAs(tenant, () -> {
            alerts.raise(mismatch("V2"));
            throw new IllegalStateException("the payment failed");
        }))).hasMessage("the payment failed");
        assertThat(sql.count("SELECT COUNT(*) FROM alerts WHERE tenant_id = ?", tenant.value())).isZero();
        assertThat(sql.count("SELECT COUNT(*) FROM outbox_events WHERE event_type = ? AND tenant_id = ?",
                AlertRaised.TYPE, tenant.value())).isZero();

        assertThat(raise(tenant, mismatch("V2"))).isTrue();
    }

    @Test
    void raising_outside_a_transaction_is_refused() {
        assertThatThrownBy(() -> TenantContext.runAs(tenant, () -> alerts.raise(mismatch("V3"))))
                .isInstanceOf(RuntimeException.class);
        assertThat(sql.count("SELECT COUNT(*) FROM alerts WHERE tenant_id = ?", tenant.value())).isZero();
    }

    @Test
    void the_list_is_the_tenants_own_newest_first_paged_and_filtered_by_kind_and_since() {
        raise(tenant, mismatch("V10"));
        clock.advance(Duration.ofMinutes(1));
        Instant second = clock.instant();
        raise(tenant, new NewAlert("DEVICE_DARK", AlertSeverity.WARNING, "S1", "every kiosk of S1 is offline",
                Map.of()));
        clock.advance(Duration.ofMinutes(1));
        raise(tenant, mismatch("V11"));
        raise(other, mismatch("V12"));

        assertThat(list(tenant, null, null).items()).extracting(Alert::subject).containsExactly("V11", "S1", "V10");
        assertThat(list(tenant, null, null).total()).isEqualTo(3);
        AlertPage page = TenantContext.callAs(tenant, () -> alerts.list(null, null, 1, 2));
        assertThat(page.items()).extracting(Alert::subject).containsExactly("V10");
        assertThat(page.total()).isEqualTo(3);
        assertThat(list(tenant, "PAYMENT_AMOUNT_MISMATCH", null).items()).extracting(Alert::subject)
                .containsExactly("V11", "V10");
        assertThat(list(tenant, null, second).items()).extracting(Alert::subject).containsExactly("V11", "S1");
        assertThat(list(tenant, "PAYMENT_AMOUNT_MISMATCH", second).items()).extracting(Alert::subject)
                .containsExactly("V11");
        assertThat(list(other, null, null).items()).extracting(Alert::subject).containsExactly("V12");
    }

    @Test
    void an_alert_is_acknowledged_once_and_another_tenants_alert_is_not_found() {
        raise(tenant, mismatch("V20"));
        String id = list(tenant, null, null).items().get(0).id();
        Actor staff = new Actor("staff-1", "admin", io.vitrine.tenants.access.StaffRole.RETAILER_ADMIN, tenant);

        Alert seen = TenantContext.callAs(tenant, () -> alerts.acknowledge(staff, id));
        clock.advance(Duration.ofMinutes(5));
        Alert again = TenantContext.callAs(tenant, () -> alerts.acknowledge(
                new Actor("staff-2", "other", io.vitrine.tenants.access.StaffRole.RETAILER_ADMIN, tenant), id));

        assertThat(seen.acknowledgedBy()).isEqualTo("staff-1");
        assertThat(again.acknowledgedAt()).isEqualTo(seen.acknowledgedAt());
        assertThat(again.acknowledgedBy()).isEqualTo("staff-1");
        assertThatThrownBy(() -> TenantContext.callAs(other, () -> alerts.acknowledge(staff, id)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void the_webhook_gets_the_alert_once_after_a_failing_receiver_recovers() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver().answering(503, 500)) {
            webhook(tenant, receiver.url());
            raise(tenant, mismatch("V30"));
            raise(tenant, mismatch("V30"));

            dispatcher.dispatchDue();
            assertThat(receiver.received()).hasSize(1);
            Alert failing = list(tenant, null, null).items().get(0);
            assertThat(failing.delivery()).isEqualTo(WebhookDelivery.PENDING);
            assertThat(failing.deliveryAttempts()).isEqualTo(1);
            assertThat(failing.lastDeliveryError()).isEqualTo("HTTP 503");

            dispatcher.dispatchDue();
            assertThat(receiver.received()).as("not due again before the backoff").hasSize(1);
            clock.advance(Duration.ofSeconds(10)); // KernelContexts: initial backoff 10s
            dispatcher.dispatchDue();
            assertThat(receiver.received()).hasSize(2);
            clock.advance(Duration.ofSeconds(20));
            dispatcher.dispatchDue();
            clock.advance(Duration.ofHours(1));
            dispatcher.dispatchDue();

            assertThat(receiver.received()).extracting(WebhookReceiver.Received::answered).containsExactly(503, 500, 200);
            assertThat(receiver.delivered()).hasSize(1);
            Alert delivered = list(tenant, null, null).items().get(0);
            assertThat(delivered.delivery()).isEqualTo(WebhookDelivery.DELIVERED);
            assertThat(delivered.deliveryAttempts()).isEqualTo(3);
            assertThat(delivered.deliveredAt()).isNotNull();
            WebhookReceiver.Received post = receiver.delivered().get(0);
            assertThat(post.header("X-Vitrine-Alert-Id")).isEqualTo(delivered.id());
            assertThat(post.header("Content-Type")).startsWith("application/json");
            Map<String, Object> body = context.getBean(JsonMapper.class).readValue(post.body(),
                    Argument.mapOf(String.class, Object.class));
            assertThat(body).containsEntry("alertId", delivered.id()).containsEntry("tenantId", tenant.value())
                    .containsEntry("kind", "PAYMENT_AMOUNT_MISMATCH").containsEntry("severity", "CRITICAL")
                    .containsEntry("subject", "V30").containsKey("occurredAt").containsKey("message");
            assertThat(sql.count("SELECT COUNT(*) FROM outbox_deliveries d JOIN outbox_events e ON e.id = d.event_id "
                    + "WHERE e.tenant_id = ? AND d.listener = 'tenants.alert-webhook' AND d.status = 'DONE'",
                    tenant.value())).isEqualTo(1);
        }
    }

    @Test
    void a_tenant_without_a_webhook_has_its_alert_marked_so_and_a_refusing_receiver_is_not_retried() {
        raise(tenant, mismatch("V40"));
        dispatcher.dispatchDue();
        assertThat(list(tenant, null, null).items().get(0).delivery()).isEqualTo(WebhookDelivery.NO_WEBHOOK);

        try (WebhookReceiver receiver = new WebhookReceiver().answering(404)) {
            webhook(other, receiver.url());
            raise(other, mismatch("V41"));
            dispatcher.dispatchDue();
            clock.advance(Duration.ofHours(1));
            dispatcher.dispatchDue();
            assertThat(receiver.received()).hasSize(1);
            Alert refused = list(other, null, null).items().get(0);
            assertThat(refused.delivery()).isEqualTo(WebhookDelivery.REFUSED);
            assertThat(refused.lastDeliveryError()).isEqualTo("HTTP 404");
            assertThat(refused.deliveryAttempts()).isEqualTo(1);
        }
    }

    @Test
    void a_webhook_url_that_is_no_uri_is_refused_without_a_post_and_not_retried() {
        webhook(tenant, "http://hooks.example.cn/a|b");
        raise(tenant, mismatch("V50"));
        dispatcher.dispatchDue();
        clock.advance(Duration.ofHours(1));
        dispatcher.dispatchDue();

        Alert refused = list(tenant, null, null).items().get(0);
        assertThat(refused.delivery()).isEqualTo(WebhookDelivery.REFUSED);
        assertThat(refused.lastDeliveryError()).isEqualTo("the webhook URL is not a valid URI");
        assertThat(refused.deliveryAttempts()).isZero();
    }

    // --- helpers

    private static NewAlert mismatch(String orderNo) {
        return new NewAlert("PAYMENT_AMOUNT_MISMATCH", AlertSeverity.CRITICAL, orderNo,
                "Alipay reports a payment of 0.01 for order " + orderNo + " whose total is 326.21",
                Map.of("orderTotalFen", "32621", "paidFen", "1"));
    }

    private boolean raise(TenantId in, NewAlert alert) {
        return transactions.executeWrite(status -> TenantContext.callAs(in, () -> alerts.raise(alert)));
    }

    private AlertPage list(TenantId in, String kind, Instant since) {
        return TenantContext.callAs(in, () -> alerts.list(kind, since, 0, 50));
    }

    private void webhook(TenantId in, String url) {
        TenantContext.runAs(in, () -> context.getBean(Settings.class).replace(Actor.system(), new SettingsForm(
                null, null, null, null, null, null, null, null, null, null, null, url)));
    }

}
