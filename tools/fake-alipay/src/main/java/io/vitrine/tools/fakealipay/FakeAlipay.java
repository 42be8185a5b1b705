package io.vitrine.tools.fakealipay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local stand-in for the Alipay open platform gateway, spoken to by the real Alipay SDK: form POSTs
 * to {@code /gateway.do} whose RSA2 signature it verifies with the calling app's registered public key,
 * answers whose {@code <method>_response} JSON it signs with its own key (the SDK checks that), the
 * async notify after a payment, a day's bill, and the faults tests need. Everything it is asked and
 * every payment goes to an append-only {@link Ledger}; with a ledger file it survives a restart.
 *
 * <p>Besides the gateway it serves a cashier page per trade ({@code /cashier/{out_trade_no}}, the
 * QR code's target, with a pay button standing in for the shopper's phone) and a small JSON control
 * API under {@code /control} for a process that cannot call {@link #pay} in-process.
 */
public final class FakeAlipay implements AutoCloseable {

    private final ObjectMapper json = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final KeyPair gatewayKeys;
    private final Ledger ledger;
    private final FakeState state;
    private final Faults faults = new Faults();
    private final HttpServer server;
    private final ExecutorService executor;
    private final URI base;
    private final GatewayMethods methods;
    private final Notifier notifier;

    private FakeAlipay(Builder builder) throws IOException {
        gatewayKeys = builder.keyFile == null ? RsaKeys.generate() : keysIn(builder.keyFile);
        ledger = new Ledger(json, builder.ledgerFile);
        state = new FakeState(json, ledger, builder.clock);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port), 0);
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        methods = new GatewayMethods(json, state, base);
        notifier = new Notifier(gatewayKeys.getPrivate(), state);
        executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "fake-alipay");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/gateway.do", exchange -> respond(exchange, this::gateway));
        server.createContext("/cashier/", exchange -> respond(exchange, this::cashier));
        server.createContext("/bills/", exchange -> respond(exchange, this::bill));
        server.createContext("/control/", exchange -> respond(exchange, new ControlApi(this, json)::handle));
        server.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** In memory, on a free loopback port, with a fresh key pair. */
    public static FakeAlipay start() {
        return builder().start();
    }

    /** The URL to give {@code DefaultAlipayClient} as its server URL. */
    public URI gatewayUrl() {
        return base.resolve("/gateway.do");
    }

    public URI baseUrl() {
        return base;
    }

    /** The gateway's public key (Base64 X.509): the "Alipay public key" a merchant configures. */
    public String alipayPublicKey() {
        return RsaKeys.publicKeyText(gatewayKeys);
    }

    public Faults faults() {
        return faults;
    }

    /** Lets an app call: its id and the public key of the key pair it signs requests with. */
    public void registerApp(String appId, String appPublicKey) {
        state.registerApp(appId, appPublicKey);
    }

    /** An ISV authorisation: calls carrying {@code appAuthToken} act for {@code merchantAppId}. */
    public void authorise(String appAuthToken, String merchantAppId) {
        state.authorise(appAuthToken, merchantAppId);
    }

    public Optional<FakeTrade> trade(String outTradeNo) {
        return state.trade(outTradeNo);
    }

    /** Every ledger entry so far, oldest first (types: app, authorisation, call, trade, declaration, notify). */
    public List<JsonNode> ledger() {
        return ledger.entries();
    }

    /** A payment and the notifies it caused. */
    public record Payment(FakeTrade trade, List<Notifier.Delivery> notifies) {
    }

    /**
     * The shopper pays: the trade becomes TRADE_SUCCESS and the signed notify goes to its notify_url
     * (unless a fault drops it; twice if one duplicates it; with another amount if one says so).
     *
     * @throws IllegalStateException when the trade is unknown or no longer waiting for payment
     */
    public Payment pay(String outTradeNo) {
        FakeTrade paid;
        synchronized (state) {
            FakeTrade trade = state.trade(outTradeNo)
                    .orElseThrow(() -> new IllegalStateException("no trade " + outTradeNo));
            if (!"WAIT_BUYER_PAY".equals(trade.status())) {
                throw new IllegalStateException("trade " + outTradeNo + " is " + trade.status());
            }
            paid = trade.paid(state.nowText());
            state.save(paid);
        }
        return new Payment(paid, notify(paid));
    }

    /** Sends the notify of a paid trade again, as Alipay does until the merchant answers "success". */
    public List<Notifier.Delivery> resendNotify(String outTradeNo) {
        FakeTrade trade = state.trade(outTradeNo).filter(t -> t.paidAt() != null)
                .orElseThrow(() -> new IllegalStateException("no paid trade " + outTradeNo));
        return notify(trade);
    }

    private List<Notifier.Delivery> notify(FakeTrade trade) {
        if (trade.notifyUrl().isEmpty() || faults.takeDroppedNotify()) {
            return List.of();
        }
        BigDecimal wrong = faults.takeWrongNotifyAmount();
        Map<String, String> parameters = notifier.parameters(trade, wrong == null ? trade.totalAmount() : wrong);
        List<Notifier.Delivery> deliveries = new ArrayList<>();
        deliveries.add(notifier.send(trade.notifyUrl(), parameters));
        if (faults.takeDuplicateNotify()) {
            deliveries.add(notifier.send(trade.notifyUrl(), parameters));
        }
        return List.copyOf(deliveries);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        ledger.close();
    }

    // ---- HTTP ----

    @FunctionalInterface
    private interface Route {
        Answer handle(HttpExchange exchange) throws IOException;
    }

    private void respond(HttpExchange exchange, Route route) throws IOException {
        try (exchange) {
            Answer answer;
            try {
                answer = route.handle(exchange);
            } catch (IllegalStateException | IllegalArgumentException e) {
                answer = Answer.text(409, e.getMessage());
            }
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            if (answer.location() != null) {
                exchange.getResponseHeaders().set("Location", answer.location());
            }
            if (answer.body().length == 0) {
                exchange.sendResponseHeaders(answer.status(), -1);
            } else {
                exchange.sendResponseHeaders(answer.status(), answer.body().length);
                exchange.getResponseBody().write(answer.body());
            }
        }
    }

    private Answer gateway(HttpExchange exchange) throws IOException {
        if (faults.takeUnreachable()) {
            return new Answer(502, "text/plain", new byte[0], null);
        }
        sleep(faults.takeDelay());
        Map<String, String> params = parameters(exchange);
        String method = params.getOrDefault("method", "");
        String appId = params.getOrDefault("app_id", "");
        String root = method.replace('.', '_') + "_response";
        if (faults.takeSystemError()) {
            return signed(root, methods.error("20000", "Service Currently Unavailable", "isp.unknow-error", "系统繁忙"),
                    method, appId, null, null);
        }
        Optional<PublicKey> appKey = state.appKey(appId);
        if (appKey.isEmpty()) {
            return signed(root, methods.error("40002", "Invalid Arguments", "isv.invalid-app-id", "无效的AppID参数"),
                    method, appId, null, null);
        }
        String sign = params.getOrDefault("sign", "");
        if (!"RSA2".equals(params.get("sign_type"))
                || !RsaKeys.verify(RsaKeys.signedContent(params, "sign"), sign, appKey.get())) {
            return signed(root, methods.error("40002", "Invalid Arguments", "isv.invalid-signature", "验签出错"),
                    method, appId, null, null);
        }
        String merchant = appId;
        String token = params.get("app_auth_token");
        if (token != null && !token.isEmpty()) {
            Optional<String> authorised = state.authorisedApp(token);
            if (authorised.isEmpty()) {
                return signed(root, methods.error("20001", "Insufficient Token Permissions",
                        "aop.invalid-app-auth-token", "无效的应用授权令牌"), method, appId, null, null);
            }
            merchant = authorised.get();
        }
        GatewayMethods.Caller caller = new GatewayMethods.Caller(appId, merchant);
        JsonNode biz = json.readTree(params.getOrDefault("biz_content", "{}"));
        String outTradeNo = biz.path("out_trade_no").asText(null);
        // one call at a time against the state: "look up, then create or change" must not interleave
        if ("alipay.trade.wap.pay".equals(method)) {
            Optional<FakeTrade> trade;
            synchronized (state) {
                trade = methods.openWapTrade(caller, biz, params);
            }
            state.logCall(method, appId, outTradeNo, trade.isPresent() ? "10000" : "40004", null);
            return trade.map(this::cashierPage).orElseGet(() -> Answer.html(400, "<p>订单信息无效</p>"));
        }
        String refusal = "alipay.trade.refund".equals(method) ? faults.takeRefundRefusal() : null;
        ObjectNode answer;
        synchronized (state) {
            answer = refusal != null ? methods.error("40004", "Business Failed", refusal, "退款被拒绝（测试）")
                    : methods.answer(method, caller, biz, params);
        }
        String requestNo = biz.hasNonNull("out_request_no") ? biz.path("out_request_no").asText()
                : biz.hasNonNull("out_request_nos") ? biz.path("out_request_nos").toString() : null;
        Answer signed = signed(root, answer, method, appId, outTradeNo, requestNo);
        if ("alipay.trade.pay".equals(method) && "10000".equals(answer.path("code").asText())) {
            // paid at the counter: Alipay notifies as for any paid trade, apart from (and maybe before) this answer
            state.trade(outTradeNo).ifPresent(paid -> executor.execute(() -> notify(paid)));
        }
        return faults.takeLostAnswer() ? new Answer(502, "text/plain", new byte[0], null) : signed;
    }

    /** {@code {"<root>":<node>,"sign":"..."}} with the signature over exactly the node's text. */
    private Answer signed(String root, ObjectNode node, String method, String appId, String outTradeNo,
                          String requestNo) throws IOException {
        String content = json.writeValueAsString(node);
        String sign = RsaKeys.sign(content, gatewayKeys.getPrivate());
        state.logCall(method, appId, outTradeNo, requestNo, node.path("code").asText(),
                node.path("sub_code").asText(null));
        return Answer.json("{\"" + root + "\":" + content + ",\"sign\":\"" + sign + "\"}");
    }

    private Answer cashier(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().substring("/cashier/".length()).split("/");
        String outTradeNo = URLDecoder.decode(path[0], StandardCharsets.UTF_8);
        FakeTrade trade = state.trade(outTradeNo).orElse(null);
        if (trade == null) {
            return Answer.html(404, "<p>交易不存在</p>");
        }
        if (path.length > 1 && "pay".equals(path[1]) && "POST".equals(exchange.getRequestMethod())) {
            FakeTrade paid = pay(outTradeNo).trade();
            if (!paid.returnUrl().isEmpty()) {
                String location = paid.returnUrl() + (paid.returnUrl().contains("?") ? "&" : "?") + "out_trade_no="
                        + java.net.URLEncoder.encode(paid.outTradeNo(), StandardCharsets.UTF_8) + "&trade_no=" + paid.tradeNo();
                return new Answer(302, "text/plain", new byte[0], location);
            }
            return cashierPage(paid);
        }
        return cashierPage(trade);
    }

    private Answer cashierPage(FakeTrade trade) {
        String escaped = trade.subject().replace("&", "&amp;").replace("<", "&lt;");
        String action = trade.status().equals("WAIT_BUYER_PAY")
                ? "<form method=\"post\" action=\"/cashier/" + java.net.URLEncoder.encode(trade.outTradeNo(), StandardCharsets.UTF_8)
                  + "/pay\"><button type=\"submit\">确认付款 Pay</button></form>"
                : "<p class=\"status\">" + trade.status() + "</p>";
        return Answer.html(200, "<!doctype html><html><head><meta charset=\"utf-8\"><title>支付宝沙箱收银台</title></head><body>"
                + "<h1>¥" + trade.totalAmount().toPlainString() + "</h1><p>" + escaped + "</p>"
                + "<p>" + trade.outTradeNo() + "</p>" + action + "</body></html>");
    }

    private Answer bill(HttpExchange exchange) {
        String[] path = exchange.getRequestURI().getPath().substring("/bills/".length()).split("/");
        if (path.length != 2 || !path[1].matches("\\d{4}-\\d{2}-\\d{2}\\.csv\\.zip")) {
            return Answer.text(404, "no such bill");
        }
        LocalDate day = LocalDate.parse(path[1].substring(0, 10));
        byte[] zip = Bills.zip(path[0], day, state.trades(), state.nowText());
        return new Answer(200, "application/zip", zip, null);
    }

    /** Protocol parameters come in the query string, biz_content in the form body (what the SDK does). */
    private static Map<String, String> parameters(HttpExchange exchange) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        decodeInto(params, exchange.getRequestURI().getRawQuery());
        if ("POST".equals(exchange.getRequestMethod())) {
            decodeInto(params, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        }
        return params;
    }

    static void decodeInto(Map<String, String> params, String form) {
        if (form == null || form.isEmpty()) {
            return;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
    }

    private static void sleep(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static KeyPair keysIn(Path file) throws IOException {
        if (Files.exists(file)) {
            return RsaKeys.fromPrivateKeyText(Files.readString(file));
        }
        KeyPair pair = RsaKeys.generate();
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, RsaKeys.privateKeyText(pair));
        return pair;
    }

    public static final class Builder {
        private int port;
        private Path ledgerFile;
        private Path keyFile;
        private Clock clock = Clock.systemUTC();

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Keeps the ledger in this append-only file and replays it on start. */
        public Builder ledger(Path file) {
            this.ledgerFile = file;
            return this;
        }

        /** Keeps the gateway's private key in this file (created on first start), so its public key stays. */
        public Builder keyFile(Path file) {
            this.keyFile = file;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Everything under one folder: ledger.jsonl and gateway-key.pk8. */
        public Builder dataDir(Path dir) {
            return ledger(dir.resolve("ledger.jsonl")).keyFile(dir.resolve("gateway-key.pk8"));
        }

        public FakeAlipay start() {
            try {
                return new FakeAlipay(this);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
