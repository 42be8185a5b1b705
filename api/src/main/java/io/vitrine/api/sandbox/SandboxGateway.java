package io.vitrine.api.sandbox;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.payment.AlipaySandbox;
import io.vitrine.tools.fakealipay.FakeAlipay;
import io.vitrine.tools.fakealipay.RsaKeys;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fake Alipay gateway, started with the application on a free loopback port, its ledger and keys under
 * {@code vitrine.payments.alipay.sandbox.data-dir} (so trades and the gateway's key survive a restart). Each
 * tenant without Alipay settings gets a sandbox app: an RSA key pair kept in that folder, registered with the
 * gateway. Notifies go to this server's own {@code /api/v1/payments/alipay/notify}, known once it listens (or to
 * {@code vitrine.payments.alipay.sandbox.notify-url} when set).
 */
@Context
@Singleton
@Requires(property = SandboxGateway.ENABLED, value = "true")
class SandboxGateway implements AlipaySandbox, ApplicationEventListener<ServerStartupEvent> {

    static final String ENABLED = "vitrine.payments.alipay.sandbox.enabled";
    static final String NOTIFY_PATH = "/api/v1/payments/alipay/notify";
    private static final Logger LOG = LoggerFactory.getLogger(SandboxGateway.class);

    private final FakeAlipay fake;
    private final Path appsDir;
    private final Map<TenantId, SandboxApp> apps = new ConcurrentHashMap<>();
    private final String notifyUrlSetting;
    private volatile String notifyUrl;

    SandboxGateway(@Nullable @Property(name = "vitrine.payments.alipay.sandbox.data-dir") Path configuredDir,
                   @Value("${vitrine.data-dir:./data}") Path applicationDataDir,
                   @Value("${vitrine.payments.alipay.sandbox.notify-url:}") String notifyUrlSetting) {
        // (a nested placeholder as the default of @Value is not resolved as one: hence two properties)
        Path dataDir = configuredDir != null ? configuredDir : applicationDataDir.resolve("alipay-sandbox");
        this.appsDir = dataDir.resolve("apps");
        this.notifyUrlSetting = notifyUrlSetting.isBlank() ? null : notifyUrlSetting;
        this.notifyUrl = this.notifyUrlSetting;
        this.fake = FakeAlipay.builder().dataDir(dataDir).port(0).start();
        LOG.info("alipay sandbox: gateway listening at {} (embedded sandbox; no real money moves)", fake.gatewayUrl());
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent started) {
        if (notifyUrlSetting == null) {
            notifyUrl = "http://127.0.0.1:" + started.getSource().getPort() + NOTIFY_PATH;
        }
        LOG.info("alipay sandbox: notifies go to {}", notifyUrl);
    }

    @Override
    public String gatewayUrl() {
        return fake.gatewayUrl().toString();
    }

    @Override
    public Optional<String> notifyUrl() {
        return Optional.ofNullable(notifyUrl);
    }

    @Override
    public SandboxApp appFor(TenantId tenant) {
        return apps.computeIfAbsent(tenant, this::register);
    }

    /** The fake gateway itself, for the pay endpoint. */
    FakeAlipay gateway() {
        return fake;
    }

    private SandboxApp register(TenantId tenant) {
        String appId = "sandbox-" + tenant.value();
        KeyPair keys = keysOf(appId);
        fake.registerApp(appId, RsaKeys.publicKeyText(keys));
        return new SandboxApp(appId, RsaKeys.privateKeyText(keys), fake.alipayPublicKey());
    }

    /** The tenant's sandbox key pair, made on first use and kept, so the same app signs after a restart. */
    private KeyPair keysOf(String appId) {
        Path file = appsDir.resolve(appId + ".pk8");
        try {
            if (Files.exists(file)) {
                return RsaKeys.fromPrivateKeyText(Files.readString(file));
            }
            KeyPair keys = RsaKeys.generate();
            Files.createDirectories(appsDir);
            Files.writeString(file, RsaKeys.privateKeyText(keys));
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("alipay sandbox: cannot keep the key of " + appId, e);
        }
    }

    @PreDestroy
    void stop() {
        fake.close();
    }
}
