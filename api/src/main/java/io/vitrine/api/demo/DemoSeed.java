package io.vitrine.api.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.vitrine.tenants.devices.RegisteredDevice;
import io.vitrine.tenants.onboarding.ApprovedApplication;
import io.vitrine.tenants.registry.TenantDirectory;
import io.vitrine.tenants.staff.PlatformAdmins;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Seeds the demo on the first start of an embedded instance with {@code vitrine.demo.enabled}, and prints
 * its sign-ins on every start. The kiosks' pairing codes and the POS secret exist only in clear at
 * registration, so they are printed on the first start only (a fresh data dir seeds anew).
 *
 * <p>A platform admin from configuration ({@code vitrine.admin.*}) takes precedence: the demo then adds
 * none of its own.
 */
@Singleton
@Requires(property = "vitrine.demo.enabled", value = "true")
class DemoSeed {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSeed.class);

    private final TenantDirectory directory;
    private final PlatformAdmins platformAdmins;
    private final DemoPark park;
    private final DemoRetailer retailer;
    private final DemoCatalog catalog;
    private final boolean adminConfigured;
    private final boolean textLogs;

    DemoSeed(TenantDirectory directory, PlatformAdmins platformAdmins, DemoPark park, DemoRetailer retailer,
             DemoCatalog catalog,
             @Nullable @Value("${vitrine.admin.username}") String configuredAdmin,
             @Value("${vitrine.log-format:text}") String logFormat) {
        this.directory = directory;
        this.platformAdmins = platformAdmins;
        this.park = park;
        this.retailer = retailer;
        this.catalog = catalog;
        this.adminConfigured = configuredAdmin != null && !configuredAdmin.isBlank();
        this.textLogs = !"json".equalsIgnoreCase(logFormat);
    }

    /** Once the server listens, so the banner can name its address. */
    @EventListener
    void onServerStarted(ServerStartupEvent started) {
        boolean platformAdminSeeded = !adminConfigured && platformAdmins.createFirst("vitrine.demo",
                DemoAccounts.PLATFORM_ADMIN, DemoAccounts.PLATFORM_ADMIN_PASSWORD, "for the embedded demo");
        List<RegisteredDevice> devices = List.of();
        if (directory.idOfSlug(DemoAccounts.PARK_SLUG).isEmpty()) {
            ApprovedApplication approved = park.seed();
            DemoRetailer.DemoShop shop = retailer.seed(approved.adminInvitation());
            catalog.seed(DemoPark.SEEDER, shop.admin(), approved.merchant().tenantId());
            devices = shop.devices();
        }
        LOG.info("Embedded demo {} (park {}, retailer {})", devices.isEmpty() ? "present" : "seeded",
                DemoAccounts.PARK_SLUG, DemoAccounts.RETAILER_SLUG);
        // to the terminal, not the log: the banner carries the demo's passwords and one-time credentials,
        // which must not travel with the logs. With JSON logs (VITRINE_LOG_FORMAT=json) the output is meant
        // for a log shipper and holds nothing but JSON lines: no banner then.
        if (textLogs) {
            System.out.print(banner(started.getSource().getURL().toString(), platformAdminSeeded, devices));
        } else {
            LOG.info("Embedded demo sign-ins: see README.md; one-time device credentials are printed with text logs only");
        }
    }

    private String banner(String baseUrl, boolean platformAdminSeeded, List<RegisteredDevice> devices) {
        StringBuilder text = new StringBuilder("\n=== Vitrine demo (vitrine.demo.enabled; never use these in production) ===\n");
        if (platformAdminSeeded || !adminConfigured) {
            line(text, "platform admin", DemoAccounts.PLATFORM_ADMIN, DemoAccounts.PLATFORM_ADMIN_PASSWORD);
        }
        line(text, "park admin (" + DemoAccounts.PARK_SLUG + ")", DemoAccounts.PARK_ADMIN, DemoAccounts.PARK_ADMIN_PASSWORD);
        line(text, "retailer admin (" + DemoAccounts.RETAILER_SLUG + ")", DemoAccounts.RETAILER_ADMIN,
                DemoAccounts.RETAILER_ADMIN_PASSWORD);
        line(text, "store manager (S002)", DemoAccounts.STORE_MANAGER, DemoAccounts.STORE_MANAGER_PASSWORD);
        text.append("  sign in: ").append(baseUrl).append("/console/login  or  POST /api/v1/auth/login\n");
        for (RegisteredDevice device : devices) {
            text.append("  ").append(device.device().kind()).append(' ').append(device.device().storeCode()).append(": ")
                    .append(device.device().deviceKey());
            if (device.pairingCode() != null) {
                // entered once in the kiosk page's discreet staff form ("店员" / "Staff", at the bottom)
                text.append("  pairing code ").append(device.pairingCode()).append("  (on ").append(baseUrl)
                        .append("/s/").append(DemoAccounts.RETAILER_SLUG).append("/kiosk/")
                        .append(device.device().storeCode()).append(", Staff)");
            }
            if (device.secret() != null) {
                text.append("  secret ").append(device.secret());
            }
            text.append('\n');
        }
        if (devices.isEmpty()) {
            text.append("  (kiosk pairing codes and the POS secret were printed on the first start only)\n");
        }
        return text.toString();
    }

    private static void line(StringBuilder text, String who, String username, String password) {
        text.append(String.format("  %-32s %-16s %s%n", who, username, password));
    }
}
