package io.vitrine.orders.ordering;

import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Why clearance stopped an order for good, so that it is cancelled and refunded (not merely rejected and corrected),
 * with the shopper's sentence in English or {@code zh-CN} from {@code clearance-refusals*.properties} next to this
 * class, like the checkout's refusals. The timeline keeps the English sentence; {@link #localized} turns it into the
 * reader's language.
 */
public enum ClearanceRefusal {
    /**
     * The payment company's identity check failed: the account that paid is not the buyer the order names (domain.md
     * "the payer must be the buyer"; Alipay's {@code identity_check} F).
     */
    PAYER_NOT_BUYER;

    private static final String BUNDLE = "io.vitrine.orders.ordering.clearance-refusals";

    public String message(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(name());
    }

    /** The English sentence, as the order's timeline keeps it. */
    public String message() {
        return message(Locale.ENGLISH);
    }

    /** A timeline reason in the reader's language when it is one of these refusals; any other text as it is. */
    public static String localized(String reason, Locale locale) {
        return refusalOf(reason).map(r -> r.message(locale)).orElse(reason);
    }

    static Optional<ClearanceRefusal> refusalOf(String reason) {
        for (ClearanceRefusal refusal : values()) {
            if (refusal.message().equals(reason)) {
                return Optional.of(refusal);
            }
        }
        return Optional.empty();
    }
}
