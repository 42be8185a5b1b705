package io.vitrine.tools.fakealipay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code /control/*}: what a test or the sandbox in another process would otherwise call on
 * {@link FakeAlipay} in-process (register apps, pay, set faults, read the ledger). Loopback only, like
 * the whole fake.
 */
final class ControlApi {

    private final FakeAlipay fake;
    private final ObjectMapper json;

    ControlApi(FakeAlipay fake, ObjectMapper json) {
        this.fake = fake;
        this.json = json;
    }

    Answer handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring("/control/".length());
        boolean post = "POST".equals(exchange.getRequestMethod());
        JsonNode body = post ? json.readTree(exchange.getRequestBody().readAllBytes()) : json.nullNode();
        if (path.equals("public-key")) {
            return Answer.text(200, fake.alipayPublicKey());
        }
        if (path.equals("apps") && post) {
            fake.registerApp(body.path("appId").asText(), body.path("publicKey").asText());
            return Answer.json("{}");
        }
        if (path.equals("authorisations") && post) {
            fake.authorise(body.path("token").asText(), body.path("appId").asText());
            return Answer.json("{}");
        }
        if (path.equals("faults") && post) {
            fake.faults().failNext(body.path("failNext").asInt(0))
                    .unreachableNext(body.path("unreachableNext").asInt(0))
                    .loseNextAnswers(body.path("loseNextAnswers").asInt(0))
                    .delayNext(body.path("delayNext").asInt(0), Duration.ofMillis(body.path("delayMillis").asLong(0)))
                    .duplicateNextNotifies(body.path("duplicateNextNotifies").asInt(0))
                    .dropNextNotifies(body.path("dropNextNotifies").asInt(0));
            if (body.hasNonNull("refuseNextRefunds")) {
                fake.faults().refuseNextRefunds(body.get("refuseNextRefunds").asInt(), body.path("refundSubCode").asText());
            }
            if (body.hasNonNull("wrongAmountInNextNotify")) {
                fake.faults().wrongAmountInNextNotify(new BigDecimal(body.get("wrongAmountInNextNotify").asText()));
            }
            return Answer.json("{}");
        }
        if (path.equals("ledger")) {
            return Answer.json(json.writeValueAsString(fake.ledger()));
        }
        if (path.startsWith("trades/")) {
            String[] parts = path.substring("trades/".length()).split("/");
            String outTradeNo = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            if (parts.length == 2 && parts[1].equals("pay") && post) {
                return Answer.json(json.writeValueAsString(fake.pay(outTradeNo)));
            }
            return fake.trade(outTradeNo).map(t -> {
                try {
                    return Answer.json(json.writeValueAsString(t));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).orElseGet(() -> Answer.text(404, "no trade " + outTradeNo));
        }
        return Answer.text(404, "unknown control path");
    }
}
