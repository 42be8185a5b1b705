package io.vitrine.api.console.park;

import io.vitrine.api.console.ChinaTimeText;
import io.vitrine.tenants.registry.Tenant;

/** A member tenant of the park as the list shows it. */
public record MemberRow(String slug, String name, String kind, String uscc, String customsCode, String status,
                        String joinedAt) {

    static MemberRow of(Tenant t) {
        return new MemberRow(t.slug(), t.name(), t.kind().name(), t.uscc(), t.customsCode(), t.status().name(),
                ChinaTimeText.of(t.createdAt()));
    }
}
