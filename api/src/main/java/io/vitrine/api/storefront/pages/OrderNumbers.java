package io.vitrine.api.storefront.pages;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.error.NotFoundException;

import java.util.regex.Pattern;

/**
 * Order numbers as a page's address or form names them: letters, digits and hyphens, at most 60 (CEB311's
 * orderNo). Anything else cannot be an order, so its page does not exist (404) and a lookup form starts empty.
 */
final class OrderNumbers {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9-]{1,60}");

    private OrderNumbers() {
    }

    static boolean isWellFormed(@Nullable String orderNo) {
        return orderNo != null && FORM.matcher(orderNo).matches();
    }

    static String require(String orderNo) {
        if (!isWellFormed(orderNo)) {
            throw new NotFoundException("no order has this number");
        }
        return orderNo;
    }

    static String shownOrNull(@Nullable String orderNo) {
        return isWellFormed(orderNo) ? orderNo : null;
    }
}
