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
 * ({@code /s/{tenantSlug}/...}) the slug's tenant, else the staff JWT's {@code tenant} claim. A request
 * signed by a device ({@link DeviceSignatureFilter}) has the device's tenant, whatever else it carries.
 * Empty when none applies: tenant-scoped work
 * then fails with {@code TenantNotResolvedException}, which the problem mapping answers with 401/404.
 */
@Singleton
class RequestTenant implements RequestTenantSource {

    static final String STOREFRONT_PREFIX = "/s/";

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
            String slug = path.substring(STOREFRONT_PREFIX.length(), end < 0 ? path.length() : end);
            return directory.idOfSlug(slug);
        }
        Optional<TenantId> device = SignedDevice.of(request).map(DeviceCredential::tenant);
        if (device.isPresent()) {
            return device;
        }
        return request.getUserPrincipal(Authentication.class).flatMap(StaffClaims::tenantOf);
    }
}
