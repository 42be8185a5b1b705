package io.vitrine.api.sandbox;

import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.OwnVitrine;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.payment.AlipayNotConfiguredException;
import io.vitrine.orders.payment.AlipaySandbox;
import io.vitrine.orders.payment.PaymentGateway;
import io.vitrine.orders.payment.TradeRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sandbox is on by default in embedded mode, notifying this server's own endpoint, and absent when switched off. */
@ExtendWith(EmbeddedVitrine.class)
class AlipaySandboxSwitchTest {

    @Test
    void embedded_mode_has_the_sandbox_on_and_its_notifies_go_to_our_own_notify_endpoint(RunningVitrine vitrine) {
        AlipaySandbox sandbox = vitrine.bean(AlipaySandbox.class);

        assertThat(sandbox.notifyUrl()).hasValue(vitrine.uri("/api/v1/payments/alipay/notify").toString()
                .replace("localhost", "127.0.0.1"));
        assertThat(sandbox.gatewayUrl()).startsWith("http://127.0.0.1:").endsWith("/gateway.do");
        assertThat(vitrine.dataDir().resolve("alipay-sandbox/gateway-key.pk8")).as("its key, kept for restarts").exists();
    }

    @Test
    void switched_off_the_pay_endpoint_is_absent_and_a_tenant_without_alipay_cannot_pay() {
        try (RunningVitrine off = OwnVitrine.embedded(Map.of("vitrine.payments.alipay.sandbox.enabled", false))) {
            assertThat(off.context().containsBean(AlipaySandbox.class)).isFalse();
            assertThat(off.send(HttpRequest.newBuilder(off.uri("/sandbox/alipay/trades/V1/pay"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode()).isEqualTo(404);
            assertThatThrownBy(() -> off.bean(PaymentGateway.class).precreate(TenantId.of("no-sandbox-shop"),
                    new TradeRequest("V2", Money.parse("1.00"), "x", Duration.ofMinutes(15))))
                    .isInstanceOf(AlipayNotConfiguredException.class);
        }
    }
}
