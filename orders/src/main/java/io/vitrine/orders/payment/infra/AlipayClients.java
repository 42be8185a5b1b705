package io.vitrine.orders.payment.infra;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayConfig;
import com.alipay.api.DefaultAlipayClient;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.payment.AlipayNotConfiguredException;
import io.vitrine.orders.payment.AlipaySandbox;
import io.vitrine.tenants.settings.Settings;
import io.vitrine.tenants.settings.TenantSettings;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * One {@link DefaultAlipayClient} per tenant and credential version, built from the tenant's settings
 * (tenants {@link Settings}) and kept: building one parses keys, and the SDK client is thread-safe. The
 * version is a digest of the stored credentials (the encrypted secrets change on every replacement), so
 * a tenant that rotates its keys gets a new client at its next call and the old one ages out.
 *
 * <p>A tenant with its own app id, private key and Alipay public key calls as itself. A tenant that only
 * granted an app_auth_token is served by the platform's ISV app ({@link AlipayConfiguration}) passing
 * that token. Money always reaches the merchant's own account.
 *
 * <p>With the embedded sandbox on ({@link AlipaySandbox}), a tenant that has neither gets a sandbox app, called at
 * the sandbox gateway with the sandbox's notify URL; its own credentials, once set, win from its next call on.
 */
@Singleton
class AlipayClients {

    private record Key(TenantId tenant, String version) {
    }

    private final Settings settings;
    private final AlipayConfiguration configuration;
    @Nullable
    private final AlipaySandbox sandbox;
    private final Cache<Key, TenantAlipay> clients = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterAccess(Duration.ofHours(6))
            .build();

    AlipayClients(Settings settings, AlipayConfiguration configuration, @Nullable AlipaySandbox sandbox) {
        this.settings = settings;
        this.configuration = configuration;
        this.sandbox = sandbox;
    }

    TenantAlipay forTenant(TenantId tenant) {
        return TenantContext.callAs(tenant, () -> {
            TenantSettings stored = settings.current();
            boolean ownApp = stored.alipayAppId() != null && stored.hasAlipayPrivateKey() && stored.alipayPublicKey() != null;
            boolean isv = !ownApp && stored.hasAlipayAuthToken() && configuration.hasIsvApp();
            if (sandbox != null && nothingSetUp(stored)) {
                return inSandbox(tenant);
            }
            if (!ownApp && !isv) {
                throw new AlipayNotConfiguredException("This store cannot take Alipay payments yet: its Alipay app is not set up.");
            }
            Key key = new Key(tenant, version(ownApp, stored));
            return clients.get(key, k -> ownApp ? ownApp(stored) : asIsv(stored));
        });
    }

    private TenantAlipay ownApp(TenantSettings stored) {
        String privateKey = settings.alipayPrivateKey().orElseThrow();
        return new TenantAlipay(client(configuration.gatewayUrl(), stored.alipayAppId(), privateKey, stored.alipayPublicKey()),
                null, stored.alipayAppId(), stored.alipayAppId(), stored.alipayPublicKey(), configuration.notifyUrl());
    }

    /** Any Alipay setting at all, even half of one, is the tenant's own: the sandbox never covers it. */
    private static boolean nothingSetUp(TenantSettings stored) {
        return stored.alipayAppId() == null && !stored.hasAlipayPrivateKey() && stored.alipayPublicKey() == null
                && !stored.hasAlipayAuthToken();
    }

    /** The sandbox app is fixed for the sandbox's life; the notify URL is known once the server listens. */
    private TenantAlipay inSandbox(TenantId tenant) {
        AlipaySandbox.SandboxApp app = sandbox.appFor(tenant);
        String notifyUrl = sandbox.notifyUrl().orElse(null);
        Key key = new Key(tenant, "sandbox\u0000" + app.appId() + "\u0000" + sandbox.gatewayUrl() + "\u0000" + notifyUrl);
        return clients.get(key, k -> new TenantAlipay(client(sandbox.gatewayUrl(), app.appId(), app.privateKey(),
                app.alipayPublicKey()), null, app.appId(), app.appId(), app.alipayPublicKey(), notifyUrl));
    }

    private TenantAlipay asIsv(TenantSettings stored) {
        String token = settings.alipayAppAuthToken().orElseThrow();
        return new TenantAlipay(client(configuration.gatewayUrl(), configuration.isvAppId(), configuration.isvPrivateKey(),
                configuration.isvAlipayPublicKey()), token, configuration.isvAppId(), stored.alipayAppId(),
                configuration.isvAlipayPublicKey(), configuration.notifyUrl());
    }

    private DefaultAlipayClient client(String gatewayUrl, String appId, String privateKey, String alipayPublicKey) {
        AlipayConfig config = new AlipayConfig();
        config.setServerUrl(gatewayUrl);
        config.setAppId(appId);
        config.setPrivateKey(privateKey);
        config.setAlipayPublicKey(alipayPublicKey);
        config.setFormat("json");
        config.setCharset("UTF-8");
        config.setSignType("RSA2");
        config.setConnectTimeout((int) configuration.connectTimeout().toMillis());
        config.setReadTimeout((int) configuration.readTimeout().toMillis());
        try {
            return new DefaultAlipayClient(config);
        } catch (AlipayApiException e) {
            throw new AlipayNotConfiguredException("This store's Alipay keys cannot be used: " + e.getErrMsg());
        }
    }

    /** A digest of everything the client is built from; the secrets enter encrypted, never in clear. */
    private String version(boolean ownApp, TenantSettings stored) {
        String material = String.join("\u0000", String.valueOf(ownApp), String.valueOf(stored.alipayAppId()),
                String.valueOf(stored.alipayPrivateKeyEnc()), String.valueOf(stored.alipayPublicKey()),
                String.valueOf(stored.alipayAuthTokenEnc()), String.valueOf(configuration.isvAppId()),
                configuration.gatewayUrl());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
