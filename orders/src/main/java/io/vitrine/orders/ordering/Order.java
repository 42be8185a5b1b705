package io.vitrine.orders.ordering;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.catalog.products.TradeMode;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.compliance.CheckoutAmounts;
import io.vitrine.orders.compliance.Taxation;

import java.time.Instant;
import java.time.Year;

/**
 * An order as stored: its amounts (the same figures the cart showed and Alipay charges), its status, its payment,
 * and the buyer's and consignee's personal data sealed ({@link SealedPersonalData}).
 *
 * @param quotaAmount what the annual quota ledger holds for it (zero when duty-paid, then no {@code quotaYear})
 * @param paymentLink the QR code's content or the wap redirect URL, once the Alipay trade exists
 * @param refundedAt  when Alipay accepted the refund (the reconciliation's refund day)
 * @param version     optimistic lock: every change writes {@code version + 1} where the version was read
 */
public record Order(String id, TenantId tenant, String orderNo, String storeCode, @Nullable String deviceId,
                    OrderStatus status, TradeMode tradeMode, String warehouseCode, Taxation taxation,
                    CheckoutAmounts amounts, Money quotaAmount, @Nullable Year quotaYear, PayMethod payMethod,
                    @Nullable String paymentLink, Instant paymentExpiresAt, @Nullable Instant paidAt,
                    @Nullable Money paidAmount, @Nullable String tradeNo, @Nullable String refundRequestNo,
                    @Nullable Money refunded, @Nullable Instant refundedAt, Instant placedAt, Instant updatedAt,
                    int version, SealedPersonalData personal) {

    public boolean holdsQuota() {
        return quotaAmount.isPositive();
    }

    Order moved(OrderStatus next, Instant at) {
        return new Order(id, tenant, orderNo, storeCode, deviceId, next, tradeMode, warehouseCode, taxation, amounts,
                quotaAmount, quotaYear, payMethod, paymentLink, paymentExpiresAt, paidAt, paidAmount, tradeNo,
                refundRequestNo, refunded, refundedAt, placedAt, at, version, personal);
    }

    Order paid(Instant paidAt, Money amount, String tradeNo) {
        return new Order(id, tenant, orderNo, storeCode, deviceId, status, tradeMode, warehouseCode, taxation, amounts,
                quotaAmount, quotaYear, payMethod, paymentLink, paymentExpiresAt, paidAt, amount, tradeNo,
                refundRequestNo, refunded, refundedAt, placedAt, updatedAt, version, personal);
    }

    Order refundedBy(String requestNo, Money amount, Instant at) {
        return new Order(id, tenant, orderNo, storeCode, deviceId, status, tradeMode, warehouseCode, taxation, amounts,
                quotaAmount, quotaYear, payMethod, paymentLink, paymentExpiresAt, paidAt, paidAmount, tradeNo,
                requestNo, amount, at, placedAt, updatedAt, version, personal);
    }

    /** This order as it is once written: the next version (a write needs no read back). */
    public Order written() {
        return new Order(id, tenant, orderNo, storeCode, deviceId, status, tradeMode, warehouseCode, taxation, amounts,
                quotaAmount, quotaYear, payMethod, paymentLink, paymentExpiresAt, paidAt, paidAmount, tradeNo,
                refundRequestNo, refunded, refundedAt, placedAt, updatedAt, version + 1, personal);
    }

    Order withPaymentLink(String link) {
        return new Order(id, tenant, orderNo, storeCode, deviceId, status, tradeMode, warehouseCode, taxation, amounts,
                quotaAmount, quotaYear, payMethod, link, paymentExpiresAt, paidAt, paidAmount, tradeNo,
                refundRequestNo, refunded, refundedAt, placedAt, updatedAt, version, personal);
    }

    Order withPersonal(SealedPersonalData corrected, Instant at) {
        return new Order(id, tenant, orderNo, storeCode, deviceId, status, tradeMode, warehouseCode, taxation, amounts,
                quotaAmount, quotaYear, payMethod, paymentLink, paymentExpiresAt, paidAt, paidAmount, tradeNo,
                refundRequestNo, refunded, refundedAt, placedAt, at, version, corrected);
    }
}
