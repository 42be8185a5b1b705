package io.vitrine.api.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.security.authentication.Authentication;
import io.vitrine.kernel.tenancy.RequestTenantSource;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.devices.signing.DeviceCredential;
import io.vitrine.tenants.registry.TenantDirectory;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The tenant of the HTTP request being served (kernel {@code CurrentTenant} asks): on the storefront
 * ({@code /s/{tenantSlug}/...}) the slug's ACTIVE tenant (a suspended one's storefront has none), else the
 * staff JWT's {@code tenant} claim. A request signed by a device ({@link DeviceSignatureFilter}) has the
 * device's tenant, whatever else it carries. Empty when none applies: tenant-scoped work
 * then fails with {@code TenantNotResolvedException}, which the problem mapping answers with 401/404.
 *
 * <p>Every tenant-filtered query asks again, so the slug's answer is kept on the request: one lookup per
 * request (not one cache round trip per query, each waiting out the timeout while Redis is down), and one
 * answer for the whole request even if the tenant is suspended meanwhile.
 */
@Singleton
class RequestTenant implements RequestTenantSource {

    static final String STOREFRONT_PREFIX = "/s/";
    private static final String STOREFRONT_TENANT = "vitrine.storefront-tenant";
    private static final String NO_TENANT = "none";

    private final TenantDirectory directory;

    RequestTenant(TenantDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Optional<TenantId> requestTenant() {
        return ServerRequestContext.currentRequest().flatMap(this::tenantOf);
    }

    private Optional<TenantId> tenantOf(HttpRequest<?> request) {
        String path = request.getPath();
        if (path.startsWith(STOREFRONT_PREFIX)) {
            int end = path.indexOf('/', STOREFRONT_PREFIX.length());
            Optional<Object> known = request.getAttribute(STOREFRONT_TENANT);
            if (known.isPresent()) {
                return known.get() instanceof TenantId tenant ? Optional.of(tenant) : Optional.empty();
            }
            String slug = path.substring(STOREFRONT_PREFIX.length(), end < 0 ? path.length() : end);
            Optional<TenantId> found = directory.idOfSlug(slug);
            request.setAttribute(STOREFRONT_TENANT, found.<Object>map(tenant -> tenant).orElse(NO_TENANT));
            return found;
        }
        Optional<TenantId> device = SignedDevice.of(request).map(DeviceCredential::tenant);
        if (device.isPresent()) {
            return device;
        }
        return request.getUserPrincipal(Authentication.class).flatMap(StaffClaims::tenantOf);
    }
}
