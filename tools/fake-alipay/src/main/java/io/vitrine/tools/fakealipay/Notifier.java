package io.vitrine.tools.fakealipay;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Sends the asynchronous payment notify: a form POST of the trade's fields, signed with the gateway's
 * private key over every parameter but {@code sign} and {@code sign_type} (what {@code rsaCheckV1}
 * verifies). The merchant acknowledges with the text {@code success}.
 */
public final class Notifier {

    /** What the merchant's notify endpoint answered. */
    public record Delivery(String notifyId, int status, String body) {
        public boolean acknowledged() {
            return status == 200 && "success".equals(body.strip());
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final PrivateKey gatewayKey;
    private final FakeState state;

    Notifier(PrivateKey gatewayKey, FakeState state) {
        this.gatewayKey = gatewayKey;
        this.state = state;
    }

    /** The signed parameters of the notify for a paid trade, with {@code amount} as total_amount. */
    Map<String, String> parameters(FakeTrade trade, BigDecimal amount) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("notify_time", state.nowText());
        params.put("notify_type", "trade_status_sync");
        params.put("notify_id", UUID.randomUUID().toString().replace("-", ""));
        params.put("app_id", trade.callerAppId());
        if (!trade.callerAppId().equals(trade.appId())) {
            params.put("auth_app_id", trade.appId());
        }
        params.put("charset", "UTF-8");
        params.put("version", "1.0");
        params.put("sign_type", "RSA2");
        params.put("trade_no", trade.tradeNo());
        params.put("out_trade_no", trade.outTradeNo());
        params.put("trade_status", trade.status());
        params.put("total_amount", amount.toPlainString());
        params.put("receipt_amount", amount.toPlainString());
        params.put("buyer_pay_amount", amount.toPlainString());
        params.put("subject", trade.subject());
        params.put("buyer_logon_id", "159****5620");
        params.put("gmt_create", trade.createdAt());
        params.put("gmt_payment", trade.paidAt());
        params.put("sign", RsaKeys.sign(RsaKeys.signedContent(params, "sign", "sign_type"), gatewayKey));
        return params;
    }

    Delivery send(String notifyUrl, Map<String, String> parameters) {
        String form = parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(notifyUrl))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build();
        Delivery delivery;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            delivery = new Delivery(parameters.get("notify_id"), response.statusCode(), response.body());
        } catch (IOException e) {
            delivery = new Delivery(parameters.get("notify_id"), 0, "unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            delivery = new Delivery(parameters.get("notify_id"), 0, "interrupted");
        }
        state.logNotify(parameters.get("out_trade_no"), delivery.notifyId(), delivery.status(), delivery.body());
        return delivery;
    }
}
