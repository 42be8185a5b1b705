package io.vitrine.orders.compliance;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.money.Money;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * One rule refusing a checkout or a cart change, with what the shopper needs to fix it: the form field (identity),
 * the SKU (positive list, stock, assortment) or an amount (the annual allowance left, the limit). Messages come in
 * English and Chinese from {@code refusals*.properties} next to this class, and never echo personal data.
 *
 * @param field  the request field at fault ({@code buyer.idNumber}, a cart change's {@code sku}), or null
 * @param sku    the line at fault, or null
 * @param amount the allowance left this year ({@code ANNUAL_LIMIT_EXCEEDED}), the order's transaction price
 *               ({@code SINGLE_LIMIT_EXCEEDED}), or null
 */
public record Refusal(RefusalRule rule, @Nullable String field, @Nullable String sku, @Nullable Money amount) {

    static final String BUNDLE = "io.vitrine.orders.compliance.refusals";

    public Refusal {
        Objects.requireNonNull(rule, "rule");
    }

    public static Refusal of(RefusalRule rule) {
        return new Refusal(rule, null, null, null);
    }

    static Refusal ofField(RefusalRule rule, String field) {
        return new Refusal(rule, field, null, null);
    }

    public static Refusal ofSku(RefusalRule rule, String sku) {
        return new Refusal(rule, null, sku, null);
    }

    static Refusal ofAmount(RefusalRule rule, Money amount) {
        return new Refusal(rule, null, null, amount);
    }

    public String code() {
        return rule.code();
    }

    /** The message for a shopper, in {@code zh-CN} or English (any other locale). */
    public String message(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        String key = field != null && bundle.containsKey(code() + "." + field) ? code() + "." + field : code();
        return new MessageFormat(bundle.getString(key), locale).format(new Object[]{
                Optional.ofNullable(sku).orElse(""),
                Optional.ofNullable(amount).map(Money::toDisplayString).orElse(""),
                CrossBorderLimits.SINGLE_TRANSACTION.toDisplayString(),
                CrossBorderLimits.ANNUAL.toDisplayString()});
    }

    /** The English message: the problem's {@code detail}. */
    public String message() {
        return message(Locale.ENGLISH);
    }
}
