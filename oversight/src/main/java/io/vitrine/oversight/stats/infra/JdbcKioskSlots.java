package io.vitrine.oversight.stats.infra;

import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.infra.SqlInstants;
import io.vitrine.oversight.stats.KioskSlots;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** {@link KioskSlots} on {@code stats_kiosk_slots} and {@code stats_kiosk_days} (V46): first insert wins. */
@Singleton
class JdbcKioskSlots implements KioskSlots {

    private final StatsSql sql;

    JdbcKioskSlots(StatsSql sql) {
        this.sql = sql;
    }

    @Override
    public boolean claim(Instant slotStart, Instant sampledAt, int kiosks) {
        return sql.execute("INSERT IGNORE INTO stats_kiosk_slots (slot_start, sampled_at, kiosks) VALUES (?, ?, ?)",
                List.of(SqlInstants.text(slotStart), SqlInstants.text(sampledAt), kiosks)) == 1;
    }

    @Override
    public boolean firstSeen(LocalDate day, TenantId tenant, String storeCode, String deviceKey) {
        return sql.execute("INSERT IGNORE INTO stats_kiosk_days (seen_day, device_key, tenant_id, store_code) "
                + "VALUES (?, ?, ?, ?)", List.of(day, deviceKey, tenant.value(), storeCode)) == 1;
    }
}
