package io.vitrine.orders.payment.infra;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayRequest;
import com.alipay.api.AlipayResponse;
import com.alipay.api.domain.AlipayDataDataserviceBillDownloadurlQueryModel;
import com.alipay.api.domain.AlipayTradeCloseModel;
import com.alipay.api.domain.AlipayTradeCustomsDeclareModel;
import com.alipay.api.domain.AlipayTradeCustomsQueryModel;
import com.alipay.api.domain.AlipayTradePayModel;
import com.alipay.api.domain.AlipayTradePrecreateModel;
import com.alipay.api.domain.AlipayTradeQueryModel;
import com.alipay.api.domain.AlipayTradeRefundModel;
import com.alipay.api.domain.AlipayTradeWapPayModel;
import com.alipay.api.domain.CustomsDeclareBuyerInfo;
import com.alipay.api.request.AlipayDataDataserviceBillDownloadurlQueryRequest;
import com.alipay.api.request.AlipayTradeCloseRequest;
import com.alipay.api.request.AlipayTradeCustomsDeclareRequest;
import com.alipay.api.request.AlipayTradeCustomsQueryRequest;
import com.alipay.api.request.AlipayTradePayRequest;
import com.alipay.api.request.AlipayTradePrecreateRequest;
import com.alipay.api.request.AlipayTradeQueryRequest;
import com.alipay.api.request.AlipayTradeRefundRequest;
import com.alipay.api.request.AlipayTradeWapPayRequest;
import com.alipay.api.response.AlipayDataDataserviceBillDownloadurlQueryResponse;
import com.alipay.api.response.AlipayTradeCustomsDeclareResponse;
import com.alipay.api.response.AlipayTradeCustomsQueryResponse;
import com.alipay.api.response.AlipayTradePayResponse;
import com.alipay.api.response.AlipayTradePrecreateResponse;
import com.alipay.api.response.AlipayTradeQueryResponse;
import com.alipay.api.response.AlipayTradeRefundResponse;
import com.alipay.api.response.AlipayTradeWapPayResponse;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.payment.CustomsDeclaration;
import io.vitrine.orders.payment.CustomsDeclarationQuery;
import io.vitrine.orders.payment.CustomsDeclarationRequest;
import io.vitrine.orders.payment.PaymentGateway;
import io.vitrine.orders.payment.PaymentGatewayUnavailableException;
import io.vitrine.orders.payment.PaymentRefusedException;
import io.vitrine.orders.payment.QrCode;
import io.vitrine.orders.payment.RefundRequest;
import io.vitrine.orders.payment.RefundResult;
import io.vitrine.orders.payment.Trade;
import io.vitrine.orders.payment.TradeRequest;
import io.vitrine.orders.payment.TradeStatus;
import io.vitrine.orders.payment.WapPayment;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link PaymentGateway} on the Alipay SDK ({@code alipay-sdk-java}), with each tenant's own client
 * ({@link AlipayClients}). The SDK signs every request with the app's private key and verifies every
 * answer with the Alipay public key; an answer that fails that check, a timeout or Alipay's
 * "system busy" becomes {@link PaymentGatewayUnavailableException} (retry), a business refusal
 * {@link PaymentRefusedException} with the sub_code.
 */
@Singleton
public class AlipayPaymentGateway implements PaymentGateway {

    private static final Logger LOG = LoggerFactory.getLogger(AlipayPaymentGateway.class);
    /** Alipay's "try again" answers: the request may or may not have been applied. */
    private static final Set<String> BUSY = Set.of("ACQ.SYSTEM_ERROR", "aop.ACQ.SYSTEM_ERROR", "isp.unknow-error");
    private static final String NOT_EXIST = "ACQ.TRADE_NOT_EXIST";
    /** alipay.trade.pay's "the shopper must confirm in their app" (等待用户付款). */
    private static final String WAIT_BUYER_PAY = "10003";

    private final AlipayClients clients;

    AlipayPaymentGateway(AlipayClients clients) {
        this.clients = clients;
    }

    @Override
    public QrCode precreate(TenantId tenant, TradeRequest trade) {
        AlipayTradePrecreateModel model = new AlipayTradePrecreateModel();
        model.setOutTradeNo(trade.outTradeNo());
        model.setTotalAmount(trade.amount().toPlainString());
        model.setSubject(trade.subject());
        model.setTimeoutExpress(trade.timeout().toMinutes() + "m");
        AlipayTradePrecreateRequest request = new AlipayTradePrecreateRequest();
        request.setBizModel(model);
        TenantAlipay alipay = clients.forTenant(tenant);
        request.setNotifyUrl(alipay.notifyUrl());
        AlipayTradePrecreateResponse response = succeeded(execute(tenant, alipay, request));
        return new QrCode(trade.outTradeNo(), response.getQrCode());
    }

    @Override
    public WapPayment wapPay(TenantId tenant, TradeRequest trade, URI returnUrl) {
        TenantAlipay alipay = clients.forTenant(tenant);
        try {
            String url = alipay.client().pageExecute(wapRequest(alipay, trade, returnUrl), "GET").getBody();
            AlipayTradeWapPayResponse form = alipay.client().pageExecute(wapRequest(alipay, trade, returnUrl), "POST");
            return new WapPayment(trade.outTradeNo(), URI.create(url), form.getBody());
        } catch (AlipayApiException e) {
            // building the page request only signs locally: a failure here is a key problem, not the network
            throw new PaymentGatewayUnavailableException("could not sign the Alipay wap pay request: " + e.getErrMsg(), e);
        }
    }

    private AlipayTradeWapPayRequest wapRequest(TenantAlipay alipay, TradeRequest trade, URI returnUrl) {
        AlipayTradeWapPayModel model = new AlipayTradeWapPayModel();
        model.setOutTradeNo(trade.outTradeNo());
        model.setTotalAmount(trade.amount().toPlainString());
        model.setSubject(trade.subject());
        model.setProductCode("QUICK_WAP_WAY");
        model.setTimeoutExpress(trade.timeout().toMinutes() + "m");
        AlipayTradeWapPayRequest request = new AlipayTradeWapPayRequest();
        request.setBizModel(model);
        request.setNotifyUrl(alipay.notifyUrl());
        request.setReturnUrl(returnUrl.toString());
        if (alipay.appAuthToken() != null) {
            request.putOtherTextParam("app_auth_token", alipay.appAuthToken());
        }
        return request;
    }

    /**
     * {@code alipay.trade.pay}: 10000 is paid, 10003 ("等待用户付款", no sub_code, so the SDK calls it a success) is
     * waiting for the shopper; any other answer a refusal with its sub_code. The notify URL goes with it: Alipay
     * notifies a trade the shopper confirms later.
     */
    @Override
    public Trade pay(TenantId tenant, TradeRequest trade, String authCode) {
        AlipayTradePayModel model = new AlipayTradePayModel();
        model.setOutTradeNo(trade.outTradeNo());
        model.setScene("bar_code");
        model.setAuthCode(authCode);
        model.setTotalAmount(trade.amount().toPlainString());
        model.setSubject(trade.subject());
        model.setTimeoutExpress(trade.timeout().toMinutes() + "m");
        AlipayTradePayRequest request = new AlipayTradePayRequest();
        request.setBizModel(model);
        TenantAlipay alipay = clients.forTenant(tenant);
        request.setNotifyUrl(alipay.notifyUrl());
        AlipayTradePayResponse response = execute(tenant, alipay, request);
        boolean waiting = WAIT_BUYER_PAY.equals(response.getCode());
        if (!waiting) {
            succeeded(response);
        }
        return new Trade(trade.outTradeNo(), response.getTradeNo(),
                waiting ? TradeStatus.WAIT_BUYER_PAY : TradeStatus.TRADE_SUCCESS,
                response.getTotalAmount() == null ? trade.amount() : Money.parse(response.getTotalAmount()),
                waiting || response.getGmtPayment() == null ? null : response.getGmtPayment().toInstant());
    }

    @Override
    public Optional<Trade> query(TenantId tenant, String outTradeNo) {
        AlipayTradeQueryModel model = new AlipayTradeQueryModel();
        model.setOutTradeNo(outTradeNo);
        AlipayTradeQueryRequest request = new AlipayTradeQueryRequest();
        request.setBizModel(model);
        AlipayTradeQueryResponse response = execute(tenant, request);
        if (NOT_EXIST.equals(response.getSubCode())) {
            return Optional.empty();
        }
        succeeded(response);
        return Optional.of(new Trade(response.getOutTradeNo(), response.getTradeNo(),
                TradeStatus.valueOf(response.getTradeStatus()), Money.parse(response.getTotalAmount()),
                response.getSendPayDate() == null ? null : response.getSendPayDate().toInstant()));
    }

    @Override
    public void close(TenantId tenant, String outTradeNo) {
        AlipayTradeCloseModel model = new AlipayTradeCloseModel();
        model.setOutTradeNo(outTradeNo);
        AlipayTradeCloseRequest request = new AlipayTradeCloseRequest();
        request.setBizModel(model);
        AlipayResponse response = execute(tenant, request);
        if (!NOT_EXIST.equals(response.getSubCode())) { // never created (QR never scanned): nothing to close
            succeeded(response);
        }
    }

    @Override
    public RefundResult refund(TenantId tenant, RefundRequest refund) {
        AlipayTradeRefundModel model = new AlipayTradeRefundModel();
        model.setOutTradeNo(refund.outTradeNo());
        model.setOutRequestNo(refund.outRequestNo());
        model.setRefundAmount(refund.amount().toPlainString());
        model.setRefundReason(refund.reason());
        AlipayTradeRefundRequest request = new AlipayTradeRefundRequest();
        request.setBizModel(model);
        AlipayTradeRefundResponse response = succeeded(execute(tenant, request));
        return new RefundResult(response.getOutTradeNo(), response.getTradeNo(), Money.parse(response.getRefundFee()),
                "Y".equals(response.getFundChange()));
    }

    @Override
    public CustomsDeclaration declareToCustoms(TenantId tenant, CustomsDeclarationRequest declaration) {
        AlipayTradeCustomsDeclareModel model = new AlipayTradeCustomsDeclareModel();
        model.setOutRequestNo(declaration.outRequestNo());
        model.setTradeNo(declaration.tradeNo());
        model.setMerchantCustomsCode(declaration.merchantCustomsCode());
        model.setMerchantCustomsName(declaration.merchantCustomsName());
        model.setAmount(declaration.amount().toPlainString());
        model.setCustomsPlace(declaration.customsPlace());
        model.setIsSplit(declaration.split() ? "T" : "F");
        model.setSubOutBizNo(declaration.subOutBizNo());
        if (declaration.buyer() != null) {
            CustomsDeclareBuyerInfo buyer = new CustomsDeclareBuyerInfo();
            buyer.setBuyerName(declaration.buyer().name());
            buyer.setBuyerCertNo(declaration.buyer().idNumber());
            model.setBuyerInfo(buyer);
        }
        AlipayTradeCustomsDeclareRequest request = new AlipayTradeCustomsDeclareRequest();
        request.setBizModel(model);
        AlipayTradeCustomsDeclareResponse response = succeeded(execute(tenant, request));
        return new CustomsDeclaration(declaration.outRequestNo(), response.getAlipayDeclareNo(), response.getPayCode(),
                response.getPayTransactionId(), response.getVerDept(),
                response.getIdentityCheck() == null ? null : "T".equals(response.getIdentityCheck()),
                Money.parse(response.getTotalAmount()));
    }

    @Override
    public CustomsDeclarationQuery queryCustomsDeclarations(TenantId tenant, List<String> outRequestNos) {
        if (outRequestNos.isEmpty() || outRequestNos.size() > 10) {
            throw new IllegalArgumentException("Alipay answers 1 to 10 declarations per query");
        }
        AlipayTradeCustomsQueryModel model = new AlipayTradeCustomsQueryModel();
        model.setOutRequestNos(String.join(",", outRequestNos));
        AlipayTradeCustomsQueryRequest request = new AlipayTradeCustomsQueryRequest();
        request.setBizModel(model);
        AlipayTradeCustomsQueryResponse response = succeeded(execute(tenant, request));
        List<CustomsDeclarationQuery.Declared> declared = response.getRecords() == null ? List.of()
                : response.getRecords().stream().map(r -> new CustomsDeclarationQuery.Declared(r.getOutRequestNo(),
                        r.getTradeNo(), r.getAlipayDeclareNo(), Money.parse(r.getAmount()), r.getCustomsPlace(),
                        r.getStatus(), r.getCustomsResultCode(), r.getCustomsResultInfo())).toList();
        List<String> notFound = response.getNotFound() == null || response.getNotFound().isBlank() ? List.of()
                : Arrays.stream(response.getNotFound().split(",")).map(String::strip).toList();
        return new CustomsDeclarationQuery(declared, notFound);
    }

    @Override
    public URI billDownloadUrl(TenantId tenant, LocalDate day) {
        AlipayDataDataserviceBillDownloadurlQueryModel model = new AlipayDataDataserviceBillDownloadurlQueryModel();
        model.setBillType("trade");
        model.setBillDate(day.toString());
        AlipayDataDataserviceBillDownloadurlQueryRequest request = new AlipayDataDataserviceBillDownloadurlQueryRequest();
        request.setBizModel(model);
        return URI.create(succeeded(execute(tenant, request)).getBillDownloadUrl());
    }

    /** Sends the call as the tenant; a lost, late or unverifiable answer is "outcome unknown". */
    private <T extends AlipayResponse> T execute(TenantId tenant, AlipayRequest<T> request) {
        return execute(tenant, clients.forTenant(tenant), request);
    }

    private <T extends AlipayResponse> T execute(TenantId tenant, TenantAlipay alipay, AlipayRequest<T> request) {
        try {
            T response = alipay.client().execute(request, null, alipay.appAuthToken());
            if ("20000".equals(response.getCode()) || (response.getSubCode() != null && BUSY.contains(response.getSubCode()))) {
                throw new PaymentGatewayUnavailableException("Alipay is busy (" + request.getApiMethodName() + ": "
                        + response.getSubCode() + "); retry later");
            }
            return response;
        } catch (AlipayApiException e) {
            LOG.warn("alipay call failed tenant={} method={} error={}", tenant, request.getApiMethodName(), e.getMessage());
            throw new PaymentGatewayUnavailableException("Alipay did not answer " + request.getApiMethodName()
                    + " (" + e.getMessage() + "); retry later", e);
        }
    }

    private static <T extends AlipayResponse> T succeeded(T response) {
        if (!response.isSuccess()) {
            throw new PaymentRefusedException(response.getSubCode() == null ? response.getCode() : response.getSubCode(),
                    "Alipay refused: " + (response.getSubMsg() == null ? response.getMsg() : response.getSubMsg()));
        }
        return response;
    }
}
