package io.vitrine.api.kiosk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.vitrine.tenants.devices.Device;
import io.vitrine.tenants.devices.Devices;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * The paired kiosk a storefront request comes from (api.md "a paired kiosk … its orders carry the device"): its
 * HttpOnly device cookie ({@link KioskController#COOKIE}, sent to the whole {@code /s/{tenant}}) verified against the
 * current tenant's devices for the store the request is for. A cookie that does not verify — forged, another store's
 * or another shop's kiosk, revoked or unknown — is no kiosk: the order goes on without a device rather than being
 * refused, because the shopper in front of the screen cannot fix its pairing (staff see the kiosk unpaired in the
 * fleet status). That case is logged, without the token.
 */
@Singleton
public final class PairedKiosk {

    private static final Logger LOG = LoggerFactory.getLogger(PairedKiosk.class);

    private final Devices devices;

    PairedKiosk(Devices devices) {
        this.devices = devices;
    }

    /** The id of the paired kiosk of {@code storeCode} that sent this request, or empty. */
    public Optional<String> deviceIdOf(HttpRequest<?> request, @Nullable String storeCode) {
        Optional<String> token = request.getCookies().findCookie(KioskController.COOKIE).map(Cookie::getValue);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Optional<Device> kiosk = devices.pairedKiosk(token.get(), storeCode);
        if (kiosk.isEmpty()) {
            LOG.info("{} {}: a kiosk cookie that is no paired kiosk of store {}: no device recorded",
                    request.getMethod(), request.getPath(), storeCode);
        }
        return kiosk.map(Device::id);
    }
}
