package io.vitrine.orders.ordering;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.cache.RateDecision;
import io.vitrine.kernel.cache.RateLimit;
import io.vitrine.kernel.cache.RateLimiter;
import io.vitrine.kernel.cache.ScopedKey;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.error.RateLimitedException;
import io.vitrine.kernel.privacy.Masking;
import io.vitrine.kernel.privacy.PersonalDataKind;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.orders.numbers.OrderNumber;
import io.vitrine.tenants.access.BearerToken;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reading orders back, in the current tenant: a shopper by the order's token ({@link #byToken}), a shopper who
 * lost the link by order number, phone and the ID number's last six characters ({@link #lookup}: a new token,
 * rate-limited), staff by order number ({@link #details}). Any mismatch is the same 404, so an answer never tells
 * which part was wrong.
 */
@Singleton
public class OrderReading {

    static final String NOT_FOUND = "No such order, or the details do not match it.";

    private final Orders orders;
    private final PersonalDataSeal seal;
    private final RateLimiter rateLimiter;
    private final CurrentTenant currentTenant;
    private final RateLimit lookupLimit;

    @Inject
    OrderReading(Orders orders, PersonalDataSeal seal, RateLimiter rateLimiter, CurrentTenant currentTenant,
                 @Value("${vitrine.orders.lookup.permits:5}") int permits,
                 @Value("${vitrine.orders.lookup.window:15m}") Duration window) {
        this.orders = orders;
        this.seal = seal;
        this.rateLimiter = rateLimiter;
        this.currentTenant = currentTenant;
        this.lookupLimit = RateLimit.of(permits, window);
    }

    /** The order if the token is its current one; 404 for any other token or order. */
    @Transactional(readOnly = true)
    public OrderDetails byToken(String orderNo, @Nullable String token) {
        requireToken(orderNo, token);
        return details(orderNo);
    }

    /** Nothing when the token is the order's current one; 404 for any other token or order. */
    @Transactional(readOnly = true)
    public void requireToken(String orderNo, @Nullable String token) {
        String hash = orders.tokenHash(orderNo).orElseThrow(OrderReading::notFound);
        if (token == null || !BearerToken.matches(token, hash)) {
            throw notFound();
        }
    }

    @Transactional(readOnly = true)
    public OrderDetails details(String orderNo) {
        Order order = orders.find(orderNo).orElseThrow(OrderReading::notFound);
        return new OrderDetails(order, orders.lines(order.id()), orders.history(order.id()), buyer(order),
                consignee(order));
    }

    /**
     * A shopper who lost their link proves the order with its number, the buyer's phone (or the consignee's) and
     * the last six characters of the buyer's ID number: the answer is a new token (the old link stops working —
     * only a hash is stored, so the old token cannot be given back). At most {@code vitrine.orders.lookup.permits}
     * attempts per order number and per client address within {@code vitrine.orders.lookup.window} (429 with
     * Retry-After), counted before anything is compared. An order placed without identity (duty-paid goods only)
     * cannot be looked up.
     */
    @Transactional
    public String lookup(@Nullable String orderNo, @Nullable String phone, @Nullable String idNumberLast6,
                         String clientAddress) {
        FieldChecks checks = new FieldChecks();
        String number = checks.text("orderNo", orderNo, 32);
        String typedPhone = checks.text("phone", phone, 32);
        String last6 = checks.text("idNumberLast6", idNumberLast6, 6);
        checks.throwIfAny();
        limit(ScopedKey.of(currentTenant.require(), "order-lookup", "client:" + clientAddress));
        if (!OrderNumber.isValid(number)) {
            // before the per-number limit: its key is the number, and what a client typed may hold anything (a
            // control character was a 500); a number that cannot exist has nothing to guess
            throw notFound();
        }
        limit(ScopedKey.of(currentTenant.require(), "order-lookup", "order:" + number));
        Order order = orders.find(number).orElseThrow(OrderReading::notFound);
        SealedPersonalData personal = order.personal();
        String phoneIndex = seal.phoneIndex(PersonalDataKind.PHONE.normalise(typedPhone));
        boolean phoneMatches = same(phoneIndex, personal.buyerPhoneIndex())
                | same(phoneIndex, personal.consigneePhoneIndex());
        boolean idMatches = same(seal.last6Index(number, last6), personal.buyerIdLast6Index());
        if (!phoneMatches || !idMatches) {
            throw notFound();
        }
        String token = BearerToken.generate();
        orders.saveTokenHash(order.id(), BearerToken.hash(token));
        return token;
    }

    private void limit(ScopedKey key) {
        RateDecision decision = rateLimiter.tryAcquire(key, lookupLimit);
        if (!decision.allowed()) {
            throw new RateLimitedException("Too many order lookups: try again later.", decision.retryAfter());
        }
    }

    private static boolean same(String computed, @Nullable String stored) {
        return stored != null && MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII),
                stored.getBytes(StandardCharsets.US_ASCII));
    }

    @Nullable
    private OrderDetails.MaskedBuyer buyer(Order order) {
        SealedPersonalData p = order.personal();
        if (p.buyerIdNumber() == null) {
            return null;
        }
        return new OrderDetails.MaskedBuyer(Masking.name(seal.open(p.buyerName())),
                Masking.idNumber(seal.open(p.buyerIdNumber())), Masking.phone(seal.open(p.buyerPhone())));
    }

    @Nullable
    private OrderDetails.MaskedConsignee consignee(Order order) {
        SealedPersonalData p = order.personal();
        if (p.consigneeName() == null) {
            return null;
        }
        return new OrderDetails.MaskedConsignee(Masking.name(seal.open(p.consigneeName())),
                Masking.phone(seal.open(p.consigneePhone())), p.consigneeDistrictCode(),
                Masking.address(seal.open(p.consigneeAddress())));
    }

    static NotFoundException notFound() {
        return new NotFoundException(NOT_FOUND);
    }
}
