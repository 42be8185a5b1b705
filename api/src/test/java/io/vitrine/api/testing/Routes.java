package io.vitrine.api.testing;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.http.uri.UriMatchTemplate;
import io.micronaut.security.annotation.Secured;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Every HTTP route the running application serves, read from Micronaut's router (issue #10): the sweeps that must
 * cover every endpoint (hostile input, cross-site writes, tenant isolation, security headers) take their list from
 * here, so a new endpoint is swept without anyone adding it. The test-only probe controllers are left out.
 */
public final class Routes {

    /** Roles in the order a sweep prefers to call a route as (the first the route admits). */
    public static final List<String> ROLES = List.of("RETAILER_ADMIN", "PARK_ADMIN", "PLATFORM_ADMIN", "STORE_MANAGER",
            "CUSTOMS_OFFICER");
    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    private Routes() {
    }

    /**
     * One route: its method, its template ({@code /api/v1/stores/{code}}), its path variables, the media types it
     * consumes, whether it reads a body, and the
     * {@code @Secured} values that admit a caller ({@code isAnonymous()}, roles).
     */
    public record Route(HttpMethod method, String template, List<String> variables, List<MediaType> consumes,
                        List<String> secured, boolean takesBody, UriMatchTemplate matcher) {

        public boolean isWrite() {
            return WRITES.contains(method);
        }

        public boolean isAnonymous() {
            return secured.contains("isAnonymous()");
        }

        /** The first role of {@link #ROLES} this route admits; a route for any signed-in caller: a retailer admin. */
        public String role() {
            return ROLES.stream().filter(secured::contains).findFirst().orElse("RETAILER_ADMIN");
        }

        public boolean consumes(String type) {
            return consumes.stream().anyMatch(m -> m.getName().equalsIgnoreCase(type));
        }

        public boolean consumesJson() {
            return consumes.isEmpty() || consumes(MediaType.APPLICATION_JSON);
        }

        /** The address with each variable given a value (the values are put in as they are: encode them first). */
        public String expand(Function<String, String> value) {
            Map<String, Object> values = new LinkedHashMap<>();
            variables.forEach(v -> values.put(v, value.apply(v)));
            String path = template;
            for (Map.Entry<String, Object> e : values.entrySet()) {
                path = path.replaceAll("\\{" + java.util.regex.Pattern.quote(e.getKey()) + "(:[^}]*)?}",
                        java.util.regex.Matcher.quoteReplacement(String.valueOf(e.getValue())));
            }
            return path.replaceAll("\\{[^}]*}", "");
        }

        /** Whether this method and address (without its query) are this route's. */
        public boolean matches(String method, String path) {
            int query = path.indexOf('?');
            return this.method.name().equals(method)
                    && matcher.match(query < 0 ? path : path.substring(0, query)).isPresent();
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /** Every route of the application, in a stable order. */
    public static List<Route> of(RunningVitrine vitrine) {
        return vitrine.bean(Router.class).uriRoutes()
                .filter(route -> !route.getUriMatchTemplate().toString().contains("/test-only"))
                .filter(route -> route.getHttpMethod() != HttpMethod.HEAD) // each GET's twin, no body to check
                .map(Routes::route)
                .distinct()
                .sorted(Comparator.comparing(Route::template).thenComparing(r -> r.method().name()))
                .toList();
    }

    private static Route route(UriRouteInfo<?, ?> info) {
        UriMatchTemplate template = info.getUriMatchTemplate();
        List<String> secured = Arrays.asList(info.getAnnotationMetadata().stringValues(Secured.class));
        if (secured.isEmpty()) {
            Secured onType = info.getDeclaringType().getAnnotation(Secured.class);
            secured = onType == null ? List.of() : Arrays.asList(onType.value());
        }
        boolean takesBody = info.getBodyArgument().isPresent() || info.getFullRequestBodyType().isPresent()
                || Arrays.stream(info.getTargetMethod().getArguments()).anyMatch(a -> a.getAnnotationMetadata()
                        .hasAnnotation(io.micronaut.http.annotation.Body.class));
        List<String> pathVariables = template.getVariables().stream().filter(v -> !v.isQuery())
                .map(io.micronaut.http.uri.UriMatchVariable::getName).distinct().toList();
        return new Route(info.getHttpMethod(), template.toString(), pathVariables, info.getConsumes(),
                secured, takesBody, template);
    }
}
