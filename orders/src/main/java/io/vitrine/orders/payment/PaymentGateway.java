package io.vitrine.orders.payment;

import io.vitrine.kernel.tenancy.TenantId;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The payment provider as orders use it (domain.md "Alipay"). Every call names the tenant whose
 * money it is: each tenant is paid through its own Alipay app, or through the platform acting as ISV
 * with the tenant's app_auth_token, never through a platform account (二清 is not allowed). Amounts
 * are {@code Money}; the adapter speaks yuan strings.
 *
 * <p>Every method either answers the provider's definite outcome or throws:
 * {@link PaymentGatewayUnavailableException} when the outcome is unknown or the provider is busy —
 * retry the same call (the identifiers make retries safe); {@link PaymentRefusedException} when the
 * provider refused for a business reason (retrying changes nothing); {@link AlipayNotConfiguredException}
 * when the tenant has no usable credentials.
 */
public interface PaymentGateway {

    /** Creates (or answers again) the trade and the QR code the kiosk shows ({@code alipay.trade.precreate}). */
    QrCode precreate(TenantId tenant, TradeRequest trade);

    /**
     * The signed page request that opens Alipay's cashier on a phone ({@code alipay.trade.wap.pay}); no call
     * leaves the server, the shopper's browser goes there.
     */
    WapPayment wapPay(TenantId tenant, TradeRequest trade, URI returnUrl);

    /**
     * Charges the payment code the shopper shows at a counter ({@code alipay.trade.pay}, scene {@code bar_code}),
     * creating the trade {@code trade.outTradeNo()}: the trade answered is {@link TradeStatus#TRADE_SUCCESS} when
     * paid, or {@link TradeStatus#WAIT_BUYER_PAY} when Alipay asks the shopper to confirm in their app (code 10003;
     * the notify or a {@link #query} tells the outcome). A refusal (e.g. {@code ACQ.BUYER_BALANCE_NOT_ENOUGH},
     * {@code ACQ.PAYMENT_AUTH_CODE_INVALID}) is {@link PaymentRefusedException}: nothing was paid.
     *
     * @param authCode the payment code's digits, as scanned
     */
    Trade pay(TenantId tenant, TradeRequest trade, String authCode);

    /** The trade as Alipay sees it; empty when Alipay has no such trade (never scanned, or unknown). */
    Optional<Trade> query(TenantId tenant, String outTradeNo);

    /** Closes an unpaid trade so it can no longer be paid; closing a closed or never-created trade is a no-op. */
    void close(TenantId tenant, String outTradeNo);

    /** Refunds all or part of a paid trade; the same {@code outRequestNo} again refunds nothing more. */
    RefundResult refund(TenantId tenant, RefundRequest refund);

    /** Declares the payment leg to customs ({@code alipay.trade.customs.declare}); the same request number re-sends. */
    CustomsDeclaration declareToCustoms(TenantId tenant, CustomsDeclarationRequest declaration);

    /** The customs status of up to 10 declarations by their request numbers. */
    CustomsDeclarationQuery queryCustomsDeclarations(TenantId tenant, List<String> outRequestNos);

    /** Where the day's trade bill (a zipped CSV) can be downloaded, for the daily reconciliation. */
    URI billDownloadUrl(TenantId tenant, LocalDate day);
}
