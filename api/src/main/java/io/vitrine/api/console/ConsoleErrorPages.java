package io.vitrine.api.console;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ModelAndViewRenderer;

import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * Errors on console paths are pages, not problem+json: whatever produced them (the security filter, the
 * kernel exceptions' one mapping, a missing route, {@link CrossSiteRequestGuard}), this filter sees the
 * error response last and replaces it. Not signed in (401): to the sign-in page, which leads back to the
 * page asked for. Any other error: the error page with the same status (403 for a role that may not see
 * the page, 404 for another tenant's resource...). Responses that already are pages — a form shown again
 * with its field errors, the sign-in page refusing a password — pass untouched.
 */
@ServerFilter({ConsoleLinks.HOME, ConsoleLinks.HOME + "/**"})
final class ConsoleErrorPages implements Ordered {

    /** Statuses the error page has its own words for; others get the generic ones. */
    private static final Set<Integer> EXPLAINED = Set.of(400, 403, 404, 405, 409, 413, 422, 429);

    private final ModelAndViewRenderer<Map<String, Object>, HttpRequest<?>> renderer;
    private final StaffSessionCookie cookie;

    ConsoleErrorPages(ModelAndViewRenderer<Map<String, Object>, HttpRequest<?>> renderer, StaffSessionCookie cookie) {
        this.renderer = renderer;
        this.cookie = cookie;
    }

    static boolean isConsole(HttpRequest<?> request) {
        String path = request.getPath();
        return path.equals(ConsoleLinks.HOME) || path.startsWith(ConsoleLinks.HOME + "/");
    }

    @ResponseFilter
    HttpResponse<?> pageFor(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.code() < 400 || request.getMethod() == HttpMethod.HEAD || isPage(response)) {
            return response;
        }
        if (response.code() == 401) {
            return toSignIn(request);
        }
        int status = response.code();
        String reason = EXPLAINED.contains(status) ? String.valueOf(status) : status >= 500 ? "server" : "other";
        Authentication caller = request.getUserPrincipal(Authentication.class).orElse(null);
        Map<String, Object> model = ConsolePage.model(caller, "status", status, "reason", reason);
        return renderer.render(new ModelAndView<>("console/error", model), request, MediaType.TEXT_HTML)
                .<HttpResponse<?>>map(page -> response.contentType(MediaType.TEXT_HTML_TYPE).body(page))
                .orElse(response);
    }

    /** A page asked for comes back after sign-in; a form sent with an expired sign-in does not (it goes home). */
    private HttpResponse<?> toSignIn(HttpRequest<?> request) {
        String next = request.getMethod() == HttpMethod.GET ? request.getUri().toString() : ConsoleLinks.HOME;
        MutableHttpResponse<?> redirect = HttpResponse.seeOther(URI.create(ConsoleLinks.signInLeadingTo(request, next)));
        if (cookie.carriedBy(request)) {
            redirect.cookie(cookie.signedOut(request)); // an expired or foreign token: drop it
        }
        return redirect;
    }

    private static boolean isPage(MutableHttpResponse<?> response) {
        return response.getHeaders().getContentType().map(type -> type.startsWith(MediaType.TEXT_HTML)).orElse(false);
    }

    @Override
    public int getOrder() {
        // outside the security filter and the cross-site guard, so their refusals pass through here
        return ServerFilterPhase.SESSION.after();
    }
}
