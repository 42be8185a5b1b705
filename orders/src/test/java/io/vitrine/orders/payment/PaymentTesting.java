package io.vitrine.orders.payment;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.testing.KernelContexts;
import io.vitrine.kernel.testing.TestServices;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.settings.Settings;
import io.vitrine.tenants.settings.SettingsForm;
import io.vitrine.tools.fakealipay.FakeAlipay;
import io.vitrine.tools.fakealipay.NotifyInbox;
import io.vitrine.tools.fakealipay.RsaKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One fake Alipay gateway (in-process), one notify inbox and one H2-backed application context for the
 * payment tests of this JVM. Merchants are real tenants whose Alipay app is saved through tenants'
 * {@link Settings}, exactly as an admin would, and registered with the fake.
 */
public final class PaymentTesting {

    public static final String ISV_APP_ID = "2021000000000999";
    private static final KeyPair ISV_KEYS = RsaKeys.generate();
    private static final AtomicLong APP_IDS = new AtomicLong(2021000000001000L);

    private PaymentTesting() {
    }

    /** A tenant and its Alipay app (the key pair is the merchant's; the fake knows the public half). */
    public record Merchant(TenantId tenant, String appId, KeyPair appKeys) {
    }

    public static FakeAlipay fake() {
        return Shared.FAKE;
    }

    public static ApplicationContext context() {
        return Shared.CONTEXT;
    }

    /** Every notify the fake posted, as the form it sent. */
    public static BlockingQueue<Map<String, String>> inbox() {
        return Shared.INBOX;
    }

    /** A new tenant paying through its own Alipay app. */
    public static Merchant merchantWithOwnApp(String name) {
        String appId = String.valueOf(APP_IDS.incrementAndGet());
        KeyPair keys = RsaKeys.generate();
        fake().registerApp(appId, RsaKeys.publicKeyText(keys));
        TenantId tenant = TenantId.of(name + "-" + appId.substring(appId.length() - 4));
        saveAlipaySettings(tenant, appId, RsaKeys.privateKeyText(keys), fake().alipayPublicKey(), null);
        return new Merchant(tenant, appId, keys);
    }

    /** A new tenant paid through the platform's ISV app, having granted it an app_auth_token. */
    public static Merchant merchantThroughIsv(String name) {
        String merchantAppId = String.valueOf(APP_IDS.incrementAndGet());
        String token = "202611BB" + merchantAppId;
        fake().authorise(token, merchantAppId);
        TenantId tenant = TenantId.of(name + "-" + merchantAppId.substring(merchantAppId.length() - 4));
        saveAlipaySettings(tenant, merchantAppId, null, null, token);
        return new Merchant(tenant, merchantAppId, null);
    }

    public static void saveAlipaySettings(TenantId tenant, String appId, String privateKey, String alipayPublicKey,
                                          String appAuthToken) {
        Settings settings = context().getBean(Settings.class);
        TenantContext.runAs(tenant, () -> settings.replace(Actor.system(), new SettingsForm(appId, privateKey,
                alipayPublicKey, appAuthToken, null, null, null, null, null, null, null, null)));
    }

    private static final class Shared {
        static final FakeAlipay FAKE = FakeAlipay.start();
        static final NotifyInbox RECEIVER = new NotifyInbox();
        static final BlockingQueue<Map<String, String>> INBOX = RECEIVER.received();
        static final ApplicationContext CONTEXT = start();

        private static ApplicationContext start() {
            FAKE.registerApp(ISV_APP_ID, RsaKeys.publicKeyText(ISV_KEYS));
            Path folder = folder();
            Map<String, Object> properties = KernelContexts.databaseProperties(
                    TestServices.h2FileUrl(folder, "payments"), "sa", "");
            properties.put("vitrine.search.lucene-dir", folder.resolve("search").toString());
            properties.put("vitrine.catalog.reservations.expiry-enabled", false);
            properties.put("vitrine.payments.alipay.gateway-url", FAKE.gatewayUrl().toString());
            properties.put("vitrine.payments.alipay.notify-url", RECEIVER.url());
            properties.put("vitrine.payments.alipay.read-timeout", "2s");
            properties.put("vitrine.payments.alipay.isv-app-id", ISV_APP_ID);
            properties.put("vitrine.payments.alipay.isv-private-key", RsaKeys.privateKeyText(ISV_KEYS));
            properties.put("vitrine.payments.alipay.isv-alipay-public-key", FAKE.alipayPublicKey());
            ApplicationContext context = KernelContexts.start(properties);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                context.close();
                RECEIVER.close();
                FAKE.close();
            }));
            return context;
        }

        private static Path folder() {
            try {
                return Files.createTempDirectory(Files.createDirectories(Path.of("target")).toAbsolutePath(), "h2-payments-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
