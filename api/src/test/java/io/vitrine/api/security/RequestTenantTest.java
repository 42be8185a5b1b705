package io.vitrine.api.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.kernel.tenancy.RequestTenantSource;
import io.vitrine.kernel.tenancy.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a request's tenant comes from: the storefront slug, or nothing for an anonymous API call. */
@ExtendWith(EmbeddedVitrine.class)
class RequestTenantTest {

    private final RunningVitrine vitrine;
    private final TenantsApi api;

    RequestTenantTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
    }

    @Test
    void a_storefront_path_resolves_its_slug_to_the_tenant() {
        TenantsApi.Merchant merchant = api.merchant(api.park());

        assertThat(tenantOf("/s/" + merchant.slug() + "/api/search")).contains(TenantId.of(merchant.id()));
        assertThat(tenantOf("/s/" + merchant.slug())).contains(TenantId.of(merchant.id()));
        // the second time from the slug cache, same answer
        assertThat(tenantOf("/s/" + merchant.slug() + "/")).contains(TenantId.of(merchant.id()));
    }

    @Test
    void an_unknown_or_malformed_slug_and_an_anonymous_api_call_have_no_tenant() {
        assertThat(tenantOf("/s/no-such-shop/api/search")).isEmpty();
        assertThat(tenantOf("/s/a.b*c:key/x")).isEmpty();
        assertThat(tenantOf("/api/v1/tenant")).isEmpty();
    }

    @Test
    void a_missing_tenant_answers_401_anonymously_and_404_on_the_storefront() {
        api.expectProblem(401, vitrine.get("/test-only/problems/tenant-scoped"));
        api.expectProblem(404, vitrine.get("/s/no-such-shop/test-only/tenant-scoped"));
        api.expectProblem(404, api.get("/test-only/problems/tenant-scoped", api.platformAdminToken()));
        api.expectProblem(401, vitrine.get("/test-only/problems/tenant-scoped-repository"));
    }

    private Optional<TenantId> tenantOf(String path) {
        Supplier<Optional<TenantId>> lookup = () -> vitrine.bean(RequestTenantSource.class).requestTenant();
        return ServerRequestContext.with(HttpRequest.GET(path), lookup);
    }
}
