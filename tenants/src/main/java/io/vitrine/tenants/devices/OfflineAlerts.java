package io.vitrine.tenants.devices;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.tenants.alerts.AlertSeverity;
import io.vitrine.tenants.alerts.Alerts;
import io.vitrine.tenants.alerts.NewAlert;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One episode's alert, raised in the episode's own transaction and tenant (so the tenant's webhook gets it through
 * the outbox): DEVICE_OFFLINE when {@link OfflineWatch} opens it, DEVICE_BACK_ONLINE (INFO) when the device is seen
 * again. Both name the episode in their subject — the device key and the last seen it went silent after — so a
 * receiver pairs them, and a second raise of the same episode is nothing (alerts are unique per kind and subject).
 * A device revoked while offline ends its episode without an alert: it is not coming back.
 */
@Singleton
public class OfflineAlerts {

    static final String OFFLINE = "DEVICE_OFFLINE";
    static final String BACK_ONLINE = "DEVICE_BACK_ONLINE";
    private static final DateTimeFormatter CHINA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ChinaTime.ZONE);

    private final OfflineEpisodes episodes;
    private final Alerts alerts;
    private final OnlineWindow window;

    OfflineAlerts(OfflineEpisodes episodes, Alerts alerts, OnlineWindow window) {
        this.episodes = episodes;
        this.alerts = alerts;
        this.window = window;
    }

    /** True when this opened the episode (and raised its alert); false when another watch or a sighting came first. */
    @Transactional
    public boolean wentOffline(OfflineEpisodes.Episode device) {
        return TenantContext.callAs(device.tenant(), () -> {
            if (!episodes.open(device.tenant(), device.deviceKey(), device.lastSeenAt())) {
                return false;
            }
            alerts.raise(new NewAlert(OFFLINE, AlertSeverity.WARNING, subject(device.deviceKey(), device.lastSeenAt()),
                    message("%s %s%s has not been seen for more than %d minutes, last at %s (China time)".formatted(
                            device.kind(), device.deviceKey(), where(device), window.window().toMinutes(),
                            CHINA_TIME.format(device.lastSeenAt()))),
                    details(device, device.lastSeenAt())));
            return true;
        });
    }

    /** True when this closed the episode; a device seen again gets DEVICE_BACK_ONLINE, a revoked one nothing. */
    @Transactional
    public boolean ended(OfflineEpisodes.Episode device) {
        return TenantContext.callAs(device.tenant(), () -> {
            if (!episodes.close(device.tenant(), device.deviceKey(), device.offlineSince())) {
                return false;
            }
            if (device.status() == DeviceStatus.ACTIVE) {
                Map<String, String> details = details(device, device.offlineSince());
                details.put("backAt", CHINA_TIME.format(device.lastSeenAt()));
                alerts.raise(new NewAlert(BACK_ONLINE, AlertSeverity.INFO,
                        subject(device.deviceKey(), device.offlineSince()),
                        message("%s %s%s is back online at %s (China time), silent since %s".formatted(device.kind(),
                                device.deviceKey(), where(device), CHINA_TIME.format(device.lastSeenAt()),
                                CHINA_TIME.format(device.offlineSince()))),
                        details));
            }
            return true;
        });
    }

    /** The episode: the device and the last seen it went silent after (UTC, to the microsecond the row keeps). */
    static String subject(String deviceKey, Instant silentAfter) {
        String subject = deviceKey + "@" + silentAfter;
        return subject.length() <= 128 ? subject : subject.substring(subject.length() - 128);
    }

    private static String message(String text) {
        return text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }

    private static String where(OfflineEpisodes.Episode device) {
        if (device.storeCode() == null) {
            return "";
        }
        return " at store " + device.storeCode() + (device.storeName() == null ? "" : " " + device.storeName());
    }

    private static Map<String, String> details(OfflineEpisodes.Episode device, Instant lastSeen) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("deviceKey", device.deviceKey());
        details.put("kind", device.kind().name());
        if (device.storeCode() != null) {
            details.put("storeCode", device.storeCode());
        }
        details.put("lastSeenAt", CHINA_TIME.format(lastSeen) + " +08:00");
        details.put("lastSeenAtUtc", lastSeen.toString());
        return details;
    }
}
