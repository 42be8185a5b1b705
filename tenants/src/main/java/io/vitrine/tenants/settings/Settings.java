package io.vitrine.tenants.settings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.codes.EnterpriseCode;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.privacy.PersonalDataCipher;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.audit.AuditTrail;
import io.micronaut.context.annotation.Value;
import io.vitrine.kernel.tenancy.TenantId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads and replaces the current tenant's settings. Secrets are encrypted with the kernel's
 * {@link PersonalDataCipher} (keys from configuration, rotatable) and never returned; other modules
 * that need them (payments) ask {@link #alipayPrivateKey()}.
 *
 * <p>Checkout reads a shop's settings twice per order (freight, then the Alipay credentials), so {@link #current()}
 * answers from an in-process cache per tenant for {@code vitrine.tenants.settings.cache-ttl} (10s; 0 turns it off).
 * A replacement through this instance drops the entry at once; another instance's replacement (a key rotation
 * included: the payment adapter keys its clients by a digest of what this answers) is seen within the TTL.
 * {@link #replace} itself always reads the row, never the cache, and so does {@link #deviceOfflineMinutes()}.
 */
@Singleton
public class Settings {

    private static final Pattern APP_ID = Pattern.compile("[0-9]{8,32}");
    /**
     * Bounds of a tenant's offline threshold: below 5 minutes a device's ordinary pauses (a POS beats every minute,
     * a sighting is written at most every 30 s, the watch runs every minute) would raise alerts; above a day an
     * alert comes too late to act on.
     */
    public static final int MIN_OFFLINE_MINUTES = 5;
    public static final int MAX_OFFLINE_MINUTES = 1440;

    private static final Pattern WEBHOOK = Pattern.compile("https?://[^\\s]{1,490}");

    private final TenantSettingsRepository settings;
    private final CurrentTenant currentTenant;
    private final PersonalDataCipher cipher;
    private final AuditTrail audit;
    private final Ids ids;
    private final Clock clock;

    private final Cache<TenantId, TenantSettings> cache;

    @Inject
    public Settings(TenantSettingsRepository settings, CurrentTenant currentTenant, PersonalDataCipher cipher,
                    AuditTrail audit, Ids ids, Clock clock,
                    @Value("${vitrine.tenants.settings.cache-ttl:10s}") Duration cacheTtl) {
        this.cache = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(cacheTtl).build();
        this.settings = settings;
        this.currentTenant = currentTenant;
        this.cipher = cipher;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    /** The tenant's settings (cached for a few seconds); before the first save, the defaults (no freight). */
    @Transactional(readOnly = true)
    public TenantSettings current() {
        return cache.get(currentTenant.require(), tenant -> read());
    }

    /**
     * The tenant's device offline threshold as stored now, never from the cache: the offline alerts apply the stored
     * value in SQL on whichever instance runs the watch, so the fleet status reads it here and agrees with them at
     * once, on every instance; empty when the tenant has none (the platform's default applies).
     */
    @Transactional(readOnly = true)
    public Optional<Integer> deviceOfflineMinutes() {
        return Optional.ofNullable(read().deviceOfflineMinutes());
    }

    private TenantSettings read() {
        return settings.findAll().stream().findFirst().orElseGet(() -> new TenantSettings(null,
                currentTenant.require().value(), null, null, null, null, null, null, null, 0L, null, null, null, null,
                clock.instant(), null, null));
    }

    @Transactional
    public TenantSettings replace(Actor by, SettingsForm form) {
        FieldChecks checks = new FieldChecks();
        String appId = form.alipayAppId() == null || form.alipayAppId().isBlank() ? null
                : checks.matching("alipay.appId", form.alipayAppId(), APP_ID, "ALIPAY_APP_ID_FORM", "8-32 digits");
        String ebcCode = form.customsEbcCode() == null || form.customsEbcCode().isBlank() ? null
                : value(checks.parse("customs.ebcCode", form.customsEbcCode(), EnterpriseCode::parse));
        String ebcName = checks.optionalText("customs.ebcName", form.customsEbcName(), 200);
        String signer = checks.optionalText("customs.signer", form.customsSigner(), 64);
        String publicKey = checks.optionalText("alipay.alipayPublicKey", form.alipayPublicKey(), 4000);
        if (form.freightFlatFen() != null && form.freightFlatFen() < 0) {
            checks.fail("freight.flatFen", "NOT_NEGATIVE", "must be 0 or more");
        }
        if (form.freightFreeAboveFen() != null && form.freightFreeAboveFen() < 0) {
            checks.fail("freight.freeAboveFen", "NOT_NEGATIVE", "must be 0 or more");
        }
        ReturnFreightPolicy returnPolicy = form.returnFreightPolicy() == null ? null
                : checks.oneOf("returnFreightPolicy", form.returnFreightPolicy(), ReturnFreightPolicy.class);
        String logistics = checks.optionalText("logisticsProvider", form.logisticsProvider(), 64);
        String webhook = form.alertWebhookUrl() == null || form.alertWebhookUrl().isBlank() ? null
                : checks.matching("alertWebhookUrl", form.alertWebhookUrl(), WEBHOOK, "URL_FORM", "an http(s) URL");
        if (form.alipayPrivateKey() != null && form.alipayPrivateKey().length() > 8000) {
            checks.fail("alipay.appPrivateKey", "TOO_LONG", "at most 8000 characters");
        }
        Integer offlineMinutes = form.deviceOfflineMinutes();
        if (offlineMinutes != null && (offlineMinutes < MIN_OFFLINE_MINUTES || offlineMinutes > MAX_OFFLINE_MINUTES)) {
            checks.fail("deviceOfflineMinutes", "OFFLINE_MINUTES_RANGE",
                    MIN_OFFLINE_MINUTES + " to " + MAX_OFFLINE_MINUTES + " minutes, or none for the platform's default");
        }
        checks.throwIfAny();

        TenantSettings before = read();
        TenantSettings after = new TenantSettings(before.id() == null ? ids.nextId() : before.id(), before.tenantId(),
                appId, secret(form.alipayPrivateKey(), before.alipayPrivateKeyEnc()), publicKey,
                secret(form.alipayAppAuthToken(), before.alipayAuthTokenEnc()), ebcCode, ebcName, signer,
                form.freightFlatFen() == null ? 0L : form.freightFlatFen(), form.freightFreeAboveFen(), returnPolicy,
                logistics, webhook, clock.instant(), by.staffId(), offlineMinutes);
        TenantSettings saved = before.id() == null ? settings.save(withoutTenant(after)) : settings.update(after);
        cache.invalidate(currentTenant.require());
        String secrets = (form.alipayPrivateKey() != null ? "private key replaced " : "")
                + (form.alipayAppAuthToken() != null ? "app auth token replaced" : "");
        audit.record(by, currentTenant.require(), "SETTINGS_CHANGED", "tenant", currentTenant.require().value(),
                secrets.isBlank() ? null : secrets.strip());
        return saved;
    }

    /** The decrypted Alipay private key, for the payment adapter only; empty when none is set. */
    @Transactional(readOnly = true)
    public Optional<String> alipayPrivateKey() {
        return Optional.ofNullable(current().alipayPrivateKeyEnc()).map(cipher::decrypt);
    }

    /**
     * The decrypted app_auth_token the merchant granted the platform (ISV mode), for the payment
     * adapter only; empty when none is set.
     */
    @Transactional(readOnly = true)
    public Optional<String> alipayAppAuthToken() {
        return Optional.ofNullable(current().alipayAuthTokenEnc()).map(cipher::decrypt);
    }

    @Nullable
    private String secret(@Nullable String sent, @Nullable String stored) {
        if (sent == null) {
            return stored;
        }
        return sent.isBlank() ? null : cipher.encrypt(sent.strip());
    }

    /** The tenant column of a new row comes from the resolver, never from anything else. */
    private static TenantSettings withoutTenant(TenantSettings s) {
        return new TenantSettings(s.id(), null, s.alipayAppId(), s.alipayPrivateKeyEnc(), s.alipayPublicKey(),
                s.alipayAuthTokenEnc(), s.customsEbcCode(), s.customsEbcName(), s.customsSigner(), s.freightFlatFen(),
                s.freightFreeAboveFen(), s.returnFreightPolicy(), s.logisticsProvider(), s.alertWebhookUrl(),
                s.updatedAt(), s.updatedBy(), s.deviceOfflineMinutes());
    }

    @Nullable
    private static String value(@Nullable EnterpriseCode code) {
        return code == null ? null : code.value();
    }
}
