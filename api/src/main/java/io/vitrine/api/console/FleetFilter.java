package io.vitrine.api.console;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * The filters of a fleet page as the query string carries them ({@code status}, {@code kind},
 * {@code storeCode}, {@code appVersion}, and the order {@code sort}; blank is none), so the page links and the pager keep them. The Fleet service checks
 * the values.
 */
public record FleetFilter(@Nullable String status, @Nullable String kind, @Nullable String storeCode,
                          @Nullable String appVersion, @Nullable String sort) {

    public static FleetFilter of(@Nullable String status, @Nullable String kind, @Nullable String storeCode) {
        return of(status, kind, storeCode, null, null);
    }

    /** With the retailer's page's app version filter and order ({@code sort}: store, lastSeen, -lastSeen). */
    public static FleetFilter of(@Nullable String status, @Nullable String kind, @Nullable String storeCode,
                                 @Nullable String appVersion, @Nullable String sort) {
        return new FleetFilter(blankless(status), blankless(kind), blankless(storeCode), blankless(appVersion),
                blankless(sort));
    }

    /** {@code path} with these filters in its query ("?" only when there is one). */
    public String target(String path) {
        List<String> parameters = new ArrayList<>();
        add(parameters, "status", status);
        add(parameters, "kind", kind);
        add(parameters, "storeCode", storeCode);
        add(parameters, "appVersion", appVersion);
        add(parameters, "sort", sort);
        return parameters.isEmpty() ? path : path + "?" + String.join("&", parameters);
    }

    public boolean any() {
        return status != null || kind != null || storeCode != null || appVersion != null;
    }

    private static void add(List<String> parameters, String name, @Nullable String value) {
        if (value != null) {
            parameters.add(name + "=" + ConsoleLinks.encode(value));
        }
    }

    @Nullable
    private static String blankless(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
