package io.vitrine.api.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.vitrine.api.views.PageLanguage;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Console addresses. Every console link and redirect carries the page language ({@code ?lang=}), so a
 * language chosen with the switch stays chosen from page to page (PageLanguage reads only the query and
 * the browser's Accept-Language).
 */
public final class ConsoleLinks {

    public static final String HOME = "/console";
    public static final String LOGIN = "/console/login";

    private ConsoleLinks() {
    }

    /** {@code path} in the request's page language. */
    public static String to(HttpRequest<?> request, String path) {
        if (path.contains("?lang=") || path.contains("&lang=")) {
            return path;
        }
        return path + (path.contains("?") ? "&" : "?") + "lang=" + PageLanguage.of(request).tag();
    }

    /** 303 to a console page: the answer to a form that worked (POST, then redirect, then GET). */
    public static MutableHttpResponse<?> seeOther(HttpRequest<?> request, String path) {
        return HttpResponse.seeOther(URI.create(to(request, path)));
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The sign-in page that leads back to {@code next} (a console path) afterwards. */
    static String signInLeadingTo(HttpRequest<?> request, String next) {
        return to(request, LOGIN + "?next=" + encode(next));
    }

    /**
     * Where to go after signing in: a console path of this site, or the console home. Anything else
     * (another host, a scheme, "//host", backslashes) would make the sign-in page an open redirect.
     */
    static String localNext(@Nullable String next) {
        if (next == null || !(next.equals(HOME) || next.startsWith(HOME + "/") || next.startsWith(HOME + "?"))
                || next.contains("\\") || next.contains("//")) {
            return HOME;
        }
        try {
            URI uri = URI.create(next);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? next : HOME;
        } catch (IllegalArgumentException malformed) {
            return HOME;
        }
    }
}
