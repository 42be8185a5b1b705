package io.vitrine.api.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * CSRF defence for the cookie sign-in: once a cookie authenticates, another site's page could make a
 * signed-in browser send a form or a fetch() to us. A write (POST, PUT, PATCH, DELETE) that carries the
 * staff cookie, or that is aimed at a console page (the sign-in form included: login CSRF), is refused
 * with 403 unless the browser says it comes from our own pages: {@code Sec-Fetch-Site: same-origin}, or,
 * from a browser without Fetch Metadata, an {@code Origin} naming this host. A request that says neither
 * is refused too.
 *
 * <p>Why the request's origin rather than a per-session token in every form: it protects the console's
 * {@code fetch()} calls to {@code /api/v1/**} exactly like its forms, with no token to thread through
 * pages and scripts; it needs no server-side state (any instance answers any request); and pages cannot
 * forge these headers, which every browser able to send a cross-site POST sets (Origin on POST since
 * 2020, Sec-Fetch-Site in every current engine). The SameSite=Strict cookie already keeps other sites'
 * requests from carrying it; this guard also stops same-site attackers (a sibling sub-domain) and
 * browsers that ignore SameSite. Requests without the cookie — API clients with a bearer token, devices —
 * are not concerned: a browser never adds an Authorization header to another site's request by itself.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class CrossSiteRequestGuard implements Ordered {

    static final String FETCH_SITE = "Sec-Fetch-Site";
    private static final String INVITATIONS = ConsoleLinks.HOME + "/invitations/";
    private static final Logger LOG = LoggerFactory.getLogger(CrossSiteRequestGuard.class);
    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    private final StaffSessionCookie cookie;
    private final ErrorResponseProcessor<?> problems;

    CrossSiteRequestGuard(StaffSessionCookie cookie, ErrorResponseProcessor<?> problems) {
        this.cookie = cookie;
        this.problems = problems;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> refuseCrossSiteWrites(HttpRequest<?> request) {
        if (!WRITES.contains(request.getMethod()) || !(cookie.carriedBy(request) || ConsoleErrorPages.isConsole(request))) {
            return null;
        }
        if (fromOwnPages(request)) {
            return null;
        }
        LOG.info("cross-site write refused: {} {} (Sec-Fetch-Site {}, Origin {})", request.getMethodName(),
                loggable(request.getPath()), request.getHeaders().get(FETCH_SITE), request.getHeaders().get(HttpHeaders.ORIGIN));
        return problems.processResponse(ErrorContext.builder(request)
                .errorMessage("A signed-in write must come from this site's own pages.").build(),
                HttpResponse.status(HttpStatus.FORBIDDEN));
    }

    private static boolean fromOwnPages(HttpRequest<?> request) {
        String site = request.getHeaders().get(FETCH_SITE);
        if (site != null) {
            return site.trim().equalsIgnoreCase("same-origin");
        }
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        String host = request.getHeaders().get(HttpHeaders.HOST);
        return origin != null && host != null && host.equalsIgnoreCase(authorityOf(origin));
    }

    /** The path without an invitation token: logs never carry a secret. */
    private static String loggable(String path) {
        return path.startsWith(INVITATIONS) ? INVITATIONS + "…" : path;
    }

    /** {@code host[:port]} of an Origin header; empty for "null" or anything unparseable. */
    private static String authorityOf(String origin) {
        try {
            String authority = URI.create(origin.trim()).getRawAuthority();
            return authority == null ? "" : authority.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException malformed) {
            return "";
        }
    }

    @Override
    public int getOrder() {
        // before the security filter: a refused write is not even authenticated
        return ServerFilterPhase.SECURITY.before();
    }
}
