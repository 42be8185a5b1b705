package io.vitrine.api.security;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * The browser-facing protections on every answer (issue #10 "Web security"):
 * <ul>
 * <li>every answer: {@code X-Content-Type-Options: nosniff} (a body is only ever its declared type) and
 *     {@code X-Frame-Options: DENY} (no page of ours is meant to be framed: clickjacking);</li>
 * <li>every HTML page: {@link #PAGE_POLICY}, a Content-Security-Policy without {@code 'unsafe-inline'} (the
 *     templates have no inline script, style or event handler: scripts and styles come from {@code /static}) and
 *     with {@code frame-ancestors 'none'}, and {@code Referrer-Policy: same-origin} (addresses carry secrets:
 *     an order's token, an invitation); Swagger UI's page, which is generated with inline script, gets
 *     {@link #SWAGGER_POLICY} instead;</li>
 * <li>over https ({@link SecureTransport}): {@code Strict-Transport-Security}.</li>
 * </ul>
 * A header a controller set itself (a logo's {@code sandbox} policy, a stricter referrer rule) is kept.
 * Ours rather than micronaut-views' {@code CspFilter}: that one sends one policy to every path, and Swagger UI
 * needs another.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class SecurityHeaders implements Ordered {

    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    static final String SWAGGER_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    private static final String SWAGGER_UI = "/swagger-ui";

    private final SecureTransport transport;

    SecurityHeaders(SecureTransport transport) {
        this.transport = transport;
    }

    @ResponseFilter
    void protect(HttpRequest<?> request, MutableHttpResponse<?> response) {
        MutableHttpHeaders headers = response.getHeaders();
        setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
        setIfAbsent(headers, "X-Frame-Options", "DENY");
        if (request.getPath().startsWith(SWAGGER_UI)) {
            // static files: their type is only known once the body is written, after this filter
            setIfAbsent(headers, CONTENT_SECURITY_POLICY, SWAGGER_POLICY);
        } else if (isPage(response)) {
            setIfAbsent(headers, CONTENT_SECURITY_POLICY, PAGE_POLICY);
            setIfAbsent(headers, "Referrer-Policy", "same-origin");
        }
        if (transport.isSecure(request)) {
            setIfAbsent(headers, "Strict-Transport-Security", "max-age=31536000");
        }
    }

    private static boolean isPage(MutableHttpResponse<?> response) {
        String type = response.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            type = response.getContentType().map(MediaType::toString).orElse("");
        }
        return type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.TEXT_HTML);
    }

    private static void setIfAbsent(MutableHttpHeaders headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.set(name, value);
        }
    }

    @Override
    public int getOrder() {
        // outermost: its response half runs last, on the page as rendered and on the guard's refusals
        return ServerFilterPhase.FIRST.order();
    }
}
