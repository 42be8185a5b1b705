package io.vitrine.tools.fakealipay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the fake knows: the merchant apps (id and public key), the ISV authorisations
 * (app_auth_token -> merchant app), trades and customs declarations. Every change is written to the
 * {@link Ledger} first; starting again replays the ledger into the same state.
 */
final class FakeState {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter ALIPAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ObjectMapper json;
    private final Ledger ledger;
    private final Clock clock;
    private final Map<String, PublicKey> apps = new HashMap<>();
    private final Map<String, String> authorisations = new HashMap<>();
    private final Map<String, FakeTrade> trades = new HashMap<>();
    private final Map<String, FakeDeclaration> declarations = new HashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    FakeState(ObjectMapper json, Ledger ledger, Clock clock) {
        this.json = json;
        this.ledger = ledger;
        this.clock = clock;
        for (JsonNode entry : ledger.entries()) {
            apply(entry);
        }
    }

    synchronized void registerApp(String appId, String publicKey) {
        RsaKeys.publicKey(publicKey); // refuse a malformed key now, not at the first call
        record(entry("app").put("appId", appId).put("publicKey", publicKey));
    }

    synchronized void authorise(String appAuthToken, String merchantAppId) {
        record(entry("authorisation").put("token", appAuthToken).put("appId", merchantAppId));
    }

    synchronized Optional<PublicKey> appKey(String appId) {
        return Optional.ofNullable(apps.get(appId));
    }

    synchronized Optional<String> authorisedApp(String appAuthToken) {
        return Optional.ofNullable(authorisations.get(appAuthToken));
    }

    synchronized Optional<FakeTrade> trade(String outTradeNo) {
        return Optional.ofNullable(trades.get(outTradeNo));
    }

    synchronized Optional<FakeTrade> tradeByTradeNo(String tradeNo) {
        return trades.values().stream().filter(t -> tradeNo.equals(t.tradeNo())).findFirst();
    }

    synchronized List<FakeTrade> trades() {
        return List.copyOf(trades.values());
    }

    synchronized void save(FakeTrade trade) {
        record(entry("trade").set("trade", json.valueToTree(trade)));
    }

    synchronized Optional<FakeDeclaration> declaration(String outRequestNo) {
        return Optional.ofNullable(declarations.get(outRequestNo));
    }

    synchronized void save(FakeDeclaration declaration) {
        record(entry("declaration").set("declaration", json.valueToTree(declaration)));
    }

    /** Audit only: what was asked and what was answered. */
    synchronized void logCall(String method, String appId, String outTradeNo, String code, String subCode) {
        logCall(method, appId, outTradeNo, null, code, subCode);
    }

    /** As above, with the request number(s) of a customs declaration or its query ({@code out_request_no(s)}). */
    synchronized void logCall(String method, String appId, String outTradeNo, String requestNo, String code,
                              String subCode) {
        ObjectNode call = entry("call").put("method", method).put("appId", appId).put("code", code);
        if (outTradeNo != null) {
            call.put("outTradeNo", outTradeNo);
        }
        if (requestNo != null) {
            call.put("requestNo", requestNo);
        }
        if (subCode != null) {
            call.put("subCode", subCode);
        }
        ledger.append(call);
    }

    synchronized void logNotify(String outTradeNo, String notifyId, int status, String body) {
        ledger.append(entry("notify").put("outTradeNo", outTradeNo).put("notifyId", notifyId)
                .put("status", status).put("answer", body));
    }

    /** 28 digits like Alipay's: the China date, "2200", then a counter. */
    synchronized String nextTradeNo() {
        return now().format(DateTimeFormatter.BASIC_ISO_DATE) + "2200" + String.format("%016d", sequence.incrementAndGet());
    }

    synchronized String nextNumber(String prefix) {
        return prefix + now().format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%010d", sequence.incrementAndGet());
    }

    String nowText() {
        return now().format(ALIPAY_TIME);
    }

    java.time.LocalDateTime now() {
        return Instant.now(clock).atZone(CHINA).toLocalDateTime();
    }

    private ObjectNode entry(String type) {
        return json.createObjectNode().put("type", type).put("at", Instant.now(clock).toString());
    }

    private void record(ObjectNode entry) {
        ledger.append(entry);
        apply(entry);
    }

    private void apply(JsonNode entry) {
        try {
            switch (entry.path("type").asText()) {
                case "app" -> apps.put(entry.get("appId").asText(), RsaKeys.publicKey(entry.get("publicKey").asText()));
                case "authorisation" -> authorisations.put(entry.get("token").asText(), entry.get("appId").asText());
                case "trade" -> {
                    FakeTrade trade = json.treeToValue(entry.get("trade"), FakeTrade.class);
                    trades.put(trade.outTradeNo(), trade);
                    sequence.incrementAndGet(); // numbers stay unique across restarts
                }
                case "declaration" -> {
                    FakeDeclaration declaration = json.treeToValue(entry.get("declaration"), FakeDeclaration.class);
                    declarations.put(declaration.outRequestNo(), declaration);
                    sequence.incrementAndGet();
                }
                default -> { } // calls and notifies are for reading, not state
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable ledger entry: " + entry, e);
        }
    }
}
