package io.vitrine.orders.returns;

import io.vitrine.kernel.error.FieldChecks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A return request's input, checked (400 with field and rule, nothing changed): {@code items} REQUIRED (1-50);
 * each {@code items[i].sku} REQUIRED, not twice ({@code DUPLICATE}); {@code items[i].qty} REQUIRED, 1-999
 * ({@code QUANTITY_RANGE}); {@code reason} REQUIRED, at most 500 characters.
 */
record ReturnForm(List<Item> items, String reason) {

    static final int MAX_ITEMS = 50;
    static final int MAX_REASON = 500;

    record Item(int index, String sku, int qty) {
    }

    static ReturnForm check(RequestReturn request) {
        FieldChecks checks = new FieldChecks();
        List<RequestReturn.Item> sent = request.items();
        if (sent == null || sent.isEmpty()) {
            checks.fail("items", "REQUIRED", "name at least one line to return");
        } else if (sent.size() > MAX_ITEMS) {
            checks.fail("items", "TOO_MANY_LINES", "at most " + MAX_ITEMS + " lines");
        }
        List<Item> items = sent == null || sent.size() > MAX_ITEMS ? List.of() : items(sent, checks);
        String reason = checks.text("reason", request.reason(), MAX_REASON);
        checks.throwIfAny();
        return new ReturnForm(items, reason);
    }

    private static List<Item> items(List<RequestReturn.Item> sent, FieldChecks checks) {
        Set<String> seen = new HashSet<>();
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            RequestReturn.Item item = sent.get(i);
            String field = "items[" + i + "]";
            if (item == null) {
                checks.fail(field, "REQUIRED", "is required");
                continue;
            }
            String sku = checks.text(field + ".sku", item.sku(), 64);
            if (sku != null && !seen.add(sku)) {
                checks.fail(field + ".sku", "DUPLICATE", "each SKU once");
            }
            Integer qty = item.qty();
            if (qty == null) {
                checks.fail(field + ".qty", "REQUIRED", "is required");
            } else if (qty < 1 || qty > 999) {
                checks.fail(field + ".qty", "QUANTITY_RANGE", "between 1 and 999");
            }
            if (sku != null && qty != null) {
                items.add(new Item(i, sku, qty));
            }
        }
        return List.copyOf(items);
    }
}
