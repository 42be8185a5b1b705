package io.vitrine.api.sandbox;

import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.testing.PrivacyTestKeys;
import io.vitrine.orders.payment.AlipayNotConfiguredException;
import io.vitrine.orders.payment.PaymentGateway;
import io.vitrine.orders.payment.PaymentNotifies;
import io.vitrine.orders.payment.TradeRequest;
import io.vitrine.orders.payment.TradeStatus;
import io.vitrine.orders.payment.VerifiedNotify;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.registry.TenantDirectory;
import io.vitrine.tenants.settings.Settings;
import io.vitrine.tenants.settings.SettingsForm;
import io.vitrine.tenants.settings.TenantSettings;
import io.vitrine.tools.fakealipay.FakeAlipay;
import io.vitrine.tools.fakealipay.NotifyInbox;
import io.vitrine.tools.fakealipay.RsaKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded sandbox (on by default) with the demo: a tenant that never set up Alipay — the demo shop
 * included — precreates through the real SDK against the sandbox gateway, the pay endpoint plays the shopper, and the
 * sandbox's signed notify verifies with that tenant's sandbox credentials. A tenant with real credentials keeps them
 * and its gateway (here another fake standing in for the open platform). The sandbox's notifies are sent to a test
 * inbox ({@code vitrine.payments.alipay.sandbox.notify-url}), since the notify endpoint comes with orders.
 */
class AlipaySandboxTest {

    private static final AtomicLong ORDERS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @TempDir
    static Path dataDir;
    private static FakeAlipay openPlatform;
    private static NotifyInbox inbox;
    private static RunningVitrine vitrine;

    @BeforeAll
    static void start() {
        openPlatform = FakeAlipay.start();
        inbox = new NotifyInbox();
        Map<String, Object> properties = new HashMap<>(PrivacyTestKeys.properties());
        properties.put("vitrine.demo.enabled", true);
        properties.put("vitrine.payments.alipay.gateway-url", openPlatform.gatewayUrl().toString());
        properties.put("vitrine.payments.alipay.sandbox.notify-url", inbox.url());
        vitrine = RunningVitrine.startOn(dataDir, properties);
    }

    @AfterAll
    static void stop() {
        vitrine.close();
        inbox.close();
        openPlatform.close();
    }

    private static String orderNo() {
        return "V" + ORDERS.incrementAndGet();
    }

    private static PaymentGateway gateway() {
        return vitrine.bean(PaymentGateway.class);
    }

    private static TradeRequest trade(String orderNo, String amount) {
        return new TradeRequest(orderNo, Money.parse(amount), "奶粉 900克", Duration.ofMinutes(15));
    }

    private static HttpResponse<String> pay(String orderNo) {
        return vitrine.send(HttpRequest.newBuilder(vitrine.uri("/sandbox/alipay/trades/" + orderNo + "/pay"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    @Test
    void a_tenant_without_alipay_settings_pays_in_the_sandbox_and_the_notify_verifies_with_its_sandbox_credentials()
            throws InterruptedException {
        TenantId tenant = TenantId.of("sandbox-shop");
        String orderNo = orderNo();
        assertThat(gateway().precreate(tenant, trade(orderNo, "88.80")).content()).contains(orderNo);

        HttpResponse<String> paid = pay(orderNo);

        assertThat(paid.statusCode()).isEqualTo(200);
        assertThat(paid.body()).contains("\"orderNo\":\"" + orderNo + "\"", "\"status\":\"TRADE_SUCCESS\"",
                "\"amount\":\"88.80\"", "\"acknowledged\":true");
        Map<String, String> notify = inbox.next(Duration.ofSeconds(5));
        VerifiedNotify verified = vitrine.bean(PaymentNotifies.class).verify(tenant, notify);
        assertThat(verified.outTradeNo()).isEqualTo(orderNo);
        assertThat(verified.totalAmount()).isEqualTo(Money.parse("88.80"));
        assertThat(verified.status()).isEqualTo(TradeStatus.TRADE_SUCCESS);
        assertThat(gateway().query(tenant, orderNo)).hasValueSatisfying(
                trade -> assertThat(trade.status()).isEqualTo(TradeStatus.TRADE_SUCCESS));
        assertThatThrownBy(() -> vitrine.bean(PaymentNotifies.class).verify(TenantId.of("another-sandbox-shop"), notify))
                .as("another tenant's sandbox app is another app").hasMessageContaining("another Alipay app");
    }

    @Test
    void the_demo_shop_pays_out_of_the_box() throws InterruptedException {
        TenantId demo = vitrine.bean(TenantDirectory.class).idOfSlug("demo-shop").orElseThrow();
        String orderNo = orderNo();
        gateway().precreate(demo, trade(orderNo, "12.00"));

        assertThat(pay(orderNo).statusCode()).isEqualTo(200);
        assertThat(vitrine.bean(PaymentNotifies.class).verify(demo, inbox.next(Duration.ofSeconds(5))).outTradeNo())
                .isEqualTo(orderNo);
    }

    @Test
    void paying_twice_is_409_and_an_unknown_trade_404() throws InterruptedException {
        TenantId tenant = TenantId.of("sandbox-twice");
        String orderNo = orderNo();
        gateway().precreate(tenant, trade(orderNo, "1.00"));
        assertThat(pay(orderNo).statusCode()).isEqualTo(200);
        inbox.next(Duration.ofSeconds(5));

        HttpResponse<String> again = pay(orderNo);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(pay("V000000000000000").statusCode()).isEqualTo(404);

        String closed = orderNo();
        gateway().precreate(tenant, trade(closed, "2.00"));
        gateway().close(tenant, closed);
        assertThat(pay(closed).statusCode()).isEqualTo(409);
        assertThat(inbox.isEmpty()).as("no notify for a refused payment").isTrue();
    }

    @Test
    void a_tenants_own_credentials_are_never_replaced_by_the_sandbox() {
        TenantId tenant = TenantId.of("real-alipay-shop");
        KeyPair keys = RsaKeys.generate();
        openPlatform.registerApp("2021000000007777", RsaKeys.publicKeyText(keys));
        Settings settings = vitrine.bean(Settings.class);
        TenantContext.runAs(tenant, () -> settings.replace(Actor.system(), new SettingsForm("2021000000007777",
                RsaKeys.privateKeyText(keys), openPlatform.alipayPublicKey(), null, null, null, null, null, null, null,
                null, null)));
        String orderNo = orderNo();

        gateway().precreate(tenant, trade(orderNo, "5.00"));

        assertThat(openPlatform.trade(orderNo)).as("the tenant's own app, at the configured gateway")
                .hasValueSatisfying(trade -> assertThat(trade.appId()).isEqualTo("2021000000007777"));
        assertThat(pay(orderNo).statusCode()).as("the sandbox has no such trade").isEqualTo(404);
        TenantSettings kept = TenantContext.callAs(tenant, settings::current);
        assertThat(kept.alipayAppId()).isEqualTo("2021000000007777");
        assertThat(kept.alipayPublicKey()).isEqualTo(openPlatform.alipayPublicKey());
    }

    @Test
    void a_half_set_up_tenant_is_told_so_rather_than_paid_in_the_sandbox() {
        TenantId appIdOnly = TenantId.of("half-set-up-shop");
        Settings settings = vitrine.bean(Settings.class);
        TenantContext.runAs(appIdOnly, () -> settings.replace(Actor.system(), new SettingsForm("2021000000008888",
                null, null, null, null, null, null, null, null, null, null, null)));
        TenantId tokenWithoutIsv = TenantId.of("token-only-shop");
        TenantContext.runAs(tokenWithoutIsv, () -> settings.replace(Actor.system(), new SettingsForm(null,
                null, null, "202611BB0000000001", null, null, null, null, null, null, null, null)));

        assertThatThrownBy(() -> gateway().precreate(appIdOnly, trade(orderNo(), "1.00")))
                .isInstanceOf(AlipayNotConfiguredException.class);
        assertThatThrownBy(() -> gateway().precreate(tokenWithoutIsv, trade(orderNo(), "1.00")))
                .isInstanceOf(AlipayNotConfiguredException.class);
    }
}
