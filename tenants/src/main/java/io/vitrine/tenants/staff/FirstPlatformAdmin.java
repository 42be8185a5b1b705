package io.vitrine.tenants.staff;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/**
 * A fresh database gets its first platform admin from {@code vitrine.admin.username} /
 * {@code vitrine.admin.password} (VITRINE_ADMIN_USERNAME / _PASSWORD), once: only while no platform
 * admin exists (see {@link PlatformAdmins#createFirst}).
 */
@Singleton
@Requires(property = "vitrine.admin.username")
@Requires(property = "vitrine.admin.password")
public class FirstPlatformAdmin {

    private final PlatformAdmins admins;
    private final String username;
    private final String password;

    public FirstPlatformAdmin(PlatformAdmins admins,
                              @Value("${vitrine.admin.username}") String username,
                              @Value("${vitrine.admin.password}") String password) {
        this.admins = admins;
        this.username = username;
        this.password = password;
    }

    @EventListener
    void onStartup(StartupEvent started) {
        admins.createFirstOnStartup("vitrine.admin", username, password, "from configuration");
    }

    /** True when this call created the account. */
    public boolean createIfNone() {
        return admins.createFirst("vitrine.admin", username, password, "from configuration");
    }
}
