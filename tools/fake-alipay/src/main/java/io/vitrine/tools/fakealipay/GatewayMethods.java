package io.vitrine.tools.fakealipay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The open-platform methods the fake answers, with Alipay's codes: 10000 success, 40004 business
 * failure with an {@code ACQ.*} sub_code, 40002 invalid arguments. Each returns the content of the
 * {@code <method>_response} node; {@link FakeAlipay} signs and sends it.
 */
final class GatewayMethods {

    /** Who called: the app that signed, and the merchant app the call acts for (the same unless ISV). */
    record Caller(String appId, String merchantAppId) {
    }

    /** The marker in a buyer's name that makes the identity check answer F. */
    static final String PAYER_IS_NOT_THE_BUYER = "MISMATCH";
    /** The query's customs_result_info for a declaration whose identity check failed. */
    static final String IDENTITY_MISMATCH = "支付人与订购人身份信息不一致";

    /** A payment code (auth_code) as Alipay's: 16 to 24 digits starting 25 to 30. */
    private static final java.util.regex.Pattern AUTH_CODE = java.util.regex.Pattern.compile("(2[5-9]|30)\\d{14,22}");
    /** A payment code starting so is a buyer Alipay asks to confirm in their app: 10003, paid once {@code pay} runs. */
    static final String CONFIRMS_IN_APP = "25";
    /** A payment code starting so is a buyer whose balance is too low: ACQ.BUYER_BALANCE_NOT_ENOUGH, no trade. */
    static final String BALANCE_TOO_LOW = "26";

    private final ObjectMapper json;
    private final FakeState state;
    private final URI base;

    GatewayMethods(ObjectMapper json, FakeState state, URI base) {
        this.json = json;
        this.state = state;
        this.base = base;
    }

    ObjectNode answer(String method, Caller caller, JsonNode biz, Map<String, String> parameters) {
        return switch (method) {
            case "alipay.trade.precreate" -> precreate(caller, biz, parameters);
            case "alipay.trade.pay" -> pay(caller, biz, parameters);
            case "alipay.trade.query" -> query(caller, biz);
            case "alipay.trade.close" -> close(caller, biz);
            case "alipay.trade.refund" -> refund(caller, biz);
            case "alipay.trade.customs.declare" -> declare(caller, biz);
            case "alipay.trade.customs.query" -> declarations(caller, biz);
            case "alipay.data.dataservice.bill.downloadurl.query" -> bill(caller, biz);
            default -> error("40004", "Business Failed", "isv.invalid-method", "不存在的方法名");
        };
    }

    /** alipay.trade.wap.pay is a page: the phone's browser lands here; the trade is created as for a QR. */
    Optional<FakeTrade> openWapTrade(Caller caller, JsonNode biz, Map<String, String> parameters) {
        ObjectNode created = create(caller, biz, parameters);
        return "10000".equals(created.path("code").asText())
                ? state.trade(biz.path("out_trade_no").asText()) : Optional.empty();
    }

    private ObjectNode precreate(Caller caller, JsonNode biz, Map<String, String> parameters) {
        ObjectNode answer = create(caller, biz, parameters);
        if ("10000".equals(answer.path("code").asText())) {
            answer.put("qr_code", cashierUrl(biz.path("out_trade_no").asText()).toString());
        }
        return answer;
    }

    private ObjectNode create(Caller caller, JsonNode biz, Map<String, String> parameters) {
        String outTradeNo = biz.path("out_trade_no").asText();
        Optional<BigDecimal> amount = amount(biz.path("total_amount").asText());
        if (outTradeNo.isEmpty() || outTradeNo.length() > 64 || amount.isEmpty() || biz.path("subject").asText().isEmpty()) {
            return error("40002", "Invalid Arguments", "isv.invalid-parameter", "out_trade_no, total_amount or subject");
        }
        Optional<FakeTrade> existing = state.trade(outTradeNo);
        if (existing.isPresent()) {
            FakeTrade trade = existing.get();
            if (!trade.appId().equals(caller.merchantAppId())) {
                return error("40004", "Business Failed", "ACQ.TRADE_NO_EXIST_OTHER_MERCHANT", "交易号已被其他商户使用");
            }
            if ("TRADE_SUCCESS".equals(trade.status())) {
                return error("40004", "Business Failed", "ACQ.TRADE_HAS_SUCCESS", "交易已被支付");
            }
            if ("TRADE_CLOSED".equals(trade.status())) {
                return error("40004", "Business Failed", "ACQ.TRADE_HAS_CLOSE", "交易已经关闭");
            }
            if (trade.totalAmount().compareTo(amount.get()) != 0) {
                return error("40004", "Business Failed", "ACQ.CONTEXT_INCONSISTENT", "交易信息被篡改");
            }
            return success().put("out_trade_no", outTradeNo); // asking again for an open trade answers it again
        }
        state.save(new FakeTrade(caller.merchantAppId(), caller.appId(), outTradeNo, state.nextTradeNo(), amount.get(),
                biz.path("subject").asText(), "WAIT_BUYER_PAY", parameters.getOrDefault("notify_url", ""),
                parameters.getOrDefault("return_url", ""), state.nowText(), null, List.of()));
        return success().put("out_trade_no", outTradeNo);
    }

    /**
     * alipay.trade.pay, scene bar_code: the shopper's payment code charged at a counter. The fake's buyers are told
     * apart by the code's first digits: {@value #CONFIRMS_IN_APP} must confirm in their app (10003, the trade waits
     * until {@link FakeAlipay#pay} — the buyer confirming — pays it and notifies), {@value #BALANCE_TOO_LOW} has too
     * little money (40004 ACQ.BUYER_BALANCE_NOT_ENOUGH, no trade), any other valid code pays at once (10000; the
     * notify follows, see {@link FakeAlipay}). The trade number again: a waiting trade answers 10003 again, a paid
     * one ACQ.TRADE_HAS_SUCCESS, a closed one ACQ.TRADE_HAS_CLOSE.
     */
    private ObjectNode pay(Caller caller, JsonNode biz, Map<String, String> parameters) {
        String authCode = biz.path("auth_code").asText();
        if (!"bar_code".equals(biz.path("scene").asText("bar_code"))) {
            return error("40002", "Invalid Arguments", "isv.invalid-parameter", "scene bar_code");
        }
        if (!AUTH_CODE.matcher(authCode).matches()) {
            return error("40004", "Business Failed", "ACQ.PAYMENT_AUTH_CODE_INVALID", "支付失败，获取顾客账户信息失败，请顾客刷新付款码后重新收款");
        }
        Optional<FakeTrade> existing = state.trade(biz.path("out_trade_no").asText());
        if (existing.isEmpty() && authCode.startsWith(BALANCE_TOO_LOW)) {
            return error("40004", "Business Failed", "ACQ.BUYER_BALANCE_NOT_ENOUGH", "买家余额不足");
        }
        ObjectNode created = create(caller, biz, parameters);
        if (!"10000".equals(created.path("code").asText())) {
            return created;
        }
        FakeTrade trade = state.trade(biz.path("out_trade_no").asText()).orElseThrow();
        if (existing.isEmpty() && !authCode.startsWith(CONFIRMS_IN_APP)) {
            trade = trade.paid(state.nowText());
            state.save(trade);
        }
        ObjectNode answer = "TRADE_SUCCESS".equals(trade.status()) ? success()
                : json.createObjectNode().put("code", "10003").put("msg", " order success pay inprocess");
        answer.put("trade_no", trade.tradeNo())
                .put("out_trade_no", trade.outTradeNo())
                .put("buyer_logon_id", "159****5620")
                .put("total_amount", trade.totalAmount().toPlainString());
        if (trade.paidAt() != null) {
            answer.put("receipt_amount", trade.totalAmount().toPlainString()).put("gmt_payment", trade.paidAt());
        }
        return answer;
    }

    private ObjectNode query(Caller caller, JsonNode biz) {
        Optional<FakeTrade> found = find(caller, biz);
        if (found.isEmpty()) {
            return error("40004", "Business Failed", "ACQ.TRADE_NOT_EXIST", "交易不存在");
        }
        FakeTrade trade = found.get();
        ObjectNode answer = success()
                .put("trade_no", trade.tradeNo())
                .put("out_trade_no", trade.outTradeNo())
                .put("trade_status", trade.status())
                .put("total_amount", trade.totalAmount().toPlainString());
        if (trade.paidAt() != null) {
            answer.put("buyer_logon_id", "159****5620")
                    .put("buyer_pay_amount", trade.totalAmount().toPlainString())
                    .put("receipt_amount", trade.totalAmount().subtract(trade.refunded()).toPlainString())
                    .put("send_pay_date", trade.paidAt());
        }
        return answer;
    }

    private ObjectNode close(Caller caller, JsonNode biz) {
        Optional<FakeTrade> found = find(caller, biz);
        if (found.isEmpty()) {
            return error("40004", "Business Failed", "ACQ.TRADE_NOT_EXIST", "交易不存在");
        }
        FakeTrade trade = found.get();
        if ("TRADE_SUCCESS".equals(trade.status())) {
            return error("40004", "Business Failed", "ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
        }
        if (!"TRADE_CLOSED".equals(trade.status())) {
            state.save(trade.closed());
        }
        return success().put("trade_no", trade.tradeNo()).put("out_trade_no", trade.outTradeNo());
    }

    private ObjectNode refund(Caller caller, JsonNode biz) {
        Optional<FakeTrade> found = find(caller, biz);
        if (found.isEmpty()) {
            return error("40004", "Business Failed", "ACQ.TRADE_NOT_EXIST", "交易不存在");
        }
        FakeTrade trade = found.get();
        Optional<BigDecimal> amount = amount(biz.path("refund_amount").asText());
        if (amount.isEmpty()) {
            return error("40002", "Invalid Arguments", "isv.invalid-parameter", "refund_amount");
        }
        // Alipay: without out_request_no the request is a full refund identified by the trade itself
        String outRequestNo = biz.path("out_request_no").asText(trade.outTradeNo());
        Optional<FakeTrade.Refund> earlier = trade.refunds().stream()
                .filter(r -> r.outRequestNo().equals(outRequestNo)).findFirst();
        if (earlier.isPresent()) {
            return refunded(trade, "N");
        }
        if (trade.paidAt() == null) {
            return error("40004", "Business Failed", "ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
        }
        if (trade.refunded().add(amount.get()).compareTo(trade.totalAmount()) > 0) {
            return error("40004", "Business Failed", "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限");
        }
        FakeTrade after = trade.refund(new FakeTrade.Refund(outRequestNo, amount.get(), state.nowText()));
        state.save(after);
        return refunded(after, "Y");
    }

    private ObjectNode refunded(FakeTrade trade, String fundChange) {
        return success()
                .put("trade_no", trade.tradeNo())
                .put("out_trade_no", trade.outTradeNo())
                .put("buyer_logon_id", "159****5620")
                .put("fund_change", fundChange)
                .put("refund_fee", trade.refunded().toPlainString())
                .put("gmt_refund_pay", trade.refunds().get(trade.refunds().size() - 1).at());
    }

    private ObjectNode declare(Caller caller, JsonNode biz) {
        String outRequestNo = biz.path("out_request_no").asText();
        Optional<BigDecimal> amount = amount(biz.path("amount").asText());
        if (outRequestNo.length() < 6 || outRequestNo.length() > 32 || amount.isEmpty()
                || biz.path("merchant_customs_code").asText().isEmpty() || biz.path("merchant_customs_name").asText().isEmpty()
                || biz.path("customs_place").asText().isEmpty()) {
            return error("40002", "Invalid Arguments", "isv.invalid-parameter",
                    "out_request_no (6-32), amount, merchant_customs_code, merchant_customs_name, customs_place");
        }
        Optional<FakeTrade> found = state.tradeByTradeNo(biz.path("trade_no").asText())
                .filter(t -> t.appId().equals(caller.merchantAppId()));
        if (found.isEmpty()) {
            return error("40004", "Business Failed", "TRADE_NOT_EXIST", "交易不存在");
        }
        FakeTrade trade = found.get();
        if (trade.paidAt() == null) {
            return error("40004", "Business Failed", "TRADE_STATUS_ERROR", "交易未支付");
        }
        if (amount.get().compareTo(trade.totalAmount()) > 0) {
            return error("40004", "Business Failed", "AMOUNT_OVER_TRADE", "报关金额大于交易金额");
        }
        FakeDeclaration declaration = state.declaration(outRequestNo).orElse(null);
        if (declaration == null) {
            JsonNode buyer = biz.path("buyer_info");
            String identityCheck = buyer.isMissingNode() ? null : identityCheck(buyer);
            declaration = new FakeDeclaration(caller.merchantAppId(), outRequestNo, trade.tradeNo(), trade.outTradeNo(),
                    amount.get(), biz.path("customs_place").asText(), biz.path("merchant_customs_code").asText(),
                    biz.path("merchant_customs_name").asText(), biz.path("is_split").asText("F"),
                    biz.path("sub_out_biz_no").asText(""), state.nextNumber("2026"), identityCheck, state.nowText());
            state.save(declaration);
        } else if (!declaration.tradeNo().equals(trade.tradeNo())) {
            return error("40004", "Business Failed", "OUT_REQUEST_NO_USED", "报关请求号已被使用");
        }
        ObjectNode answer = success()
                .put("trade_no", trade.tradeNo())
                .put("out_trade_no", trade.outTradeNo())
                .put("alipay_declare_no", declaration.alipayDeclareNo())
                .put("pay_code", "31222699S7")
                .put("pay_transaction_id", trade.tradeNo())
                .put("total_amount", trade.totalAmount().toPlainString())
                .put("ver_dept", "2")
                .put("currency", "CNY");
        if (declaration.identityCheck() != null) {
            answer.put("identity_check", declaration.identityCheck());
        }
        return answer;
    }

    /**
     * Alipay compares the buyer named in the declaration with the real-name identity of the account that paid. The
     * fake has no accounts: it answers F for a malformed identity (ID number not 18 characters, no name) and for a
     * buyer whose name contains {@value #PAYER_IS_NOT_THE_BUYER} in any case (e.g. {@code Li Mismatch}: a name the
     * checkout's identity rule accepts, so a test can place the order for real), T otherwise.
     */
    private static String identityCheck(JsonNode buyer) {
        String name = buyer.path("buyer_name").asText();
        boolean matches = buyer.path("buyer_cert_no").asText().length() == 18 && !name.isEmpty()
                && !name.toUpperCase(java.util.Locale.ROOT).contains(PAYER_IS_NOT_THE_BUYER);
        return matches ? "T" : "F";
    }

    private ObjectNode declarations(Caller caller, JsonNode biz) {
        String[] numbers = biz.path("out_request_nos").asText().split(",");
        if (numbers.length > 10) {
            return error("40002", "Invalid Arguments", "isv.invalid-parameter", "at most 10 out_request_nos");
        }
        ArrayNode records = json.createArrayNode();
        List<String> notFound = new ArrayList<>();
        for (String number : numbers) {
            Optional<FakeDeclaration> found = state.declaration(number.strip())
                    .filter(d -> d.appId().equals(caller.merchantAppId()));
            if (found.isEmpty()) {
                notFound.add(number.strip());
                continue;
            }
            FakeDeclaration d = found.get();
            records.addObject()
                    .put("out_request_no", d.outRequestNo())
                    .put("trade_no", d.tradeNo())
                    .put("alipay_declare_no", d.alipayDeclareNo())
                    .put("amount", d.amount().toPlainString())
                    .put("customs_place", d.customsPlace())
                    .put("merchant_customs_code", d.merchantCustomsCode())
                    .put("merchant_customs_name", d.merchantCustomsName())
                    .put("is_split", d.isSplit())
                    .put("sub_out_biz_no", d.subOutBizNo())
                    .put("status", "F".equals(d.identityCheck()) ? "fail" : "succ")
                    .put("customs_result_code", "F".equals(d.identityCheck()) ? "2" : "1")
                    .put("customs_result_info", "F".equals(d.identityCheck()) ? IDENTITY_MISMATCH : "成功")
                    .put("last_modified_time", d.at())
                    .put("customs_result_return_time", d.at());
        }
        ObjectNode answer = success();
        answer.set("records", records);
        if (!notFound.isEmpty()) {
            answer.put("not_found", String.join(",", notFound));
        }
        return answer;
    }

    private ObjectNode bill(Caller caller, JsonNode biz) {
        String type = biz.path("bill_type").asText();
        String date = biz.path("bill_date").asText();
        if (!("trade".equals(type) || "signcustomer".equals(type)) || !date.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return error("40002", "Invalid Arguments", "isv.invalid-parameter", "bill_type trade|signcustomer, bill_date yyyy-MM-dd");
        }
        return success().put("bill_download_url",
                base.resolve("/bills/" + caller.merchantAppId() + "/" + date + ".csv.zip").toString());
    }

    URI cashierUrl(String outTradeNo) {
        return base.resolve("/cashier/" + java.net.URLEncoder.encode(outTradeNo, java.nio.charset.StandardCharsets.UTF_8));
    }

    private Optional<FakeTrade> find(Caller caller, JsonNode biz) {
        Optional<FakeTrade> trade = biz.hasNonNull("out_trade_no") ? state.trade(biz.get("out_trade_no").asText())
                : state.tradeByTradeNo(biz.path("trade_no").asText());
        return trade.filter(t -> t.appId().equals(caller.merchantAppId()));
    }

    private static Optional<BigDecimal> amount(String text) {
        if (!text.matches("\\d{1,10}(\\.\\d{1,2})?")) {
            return Optional.empty();
        }
        BigDecimal amount = new BigDecimal(text).setScale(2);
        return amount.signum() > 0 ? Optional.of(amount) : Optional.empty();
    }

    private ObjectNode success() {
        return json.createObjectNode().put("code", "10000").put("msg", "Success");
    }

    ObjectNode error(String code, String msg, String subCode, String subMsg) {
        return json.createObjectNode().put("code", code).put("msg", msg).put("sub_code", subCode).put("sub_msg", subMsg);
    }
}
