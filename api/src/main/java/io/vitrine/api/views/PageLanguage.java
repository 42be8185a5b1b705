package io.vitrine.api.views;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages pages are written in. A page's language comes from {@code ?lang=} (a link or the
 * language switch), then the browser's Accept-Language, then Chinese: the pilot zone's shoppers and staff
 * read Chinese first.
 */
public enum PageLanguage {
    ZH_CN("zh-CN", Locale.SIMPLIFIED_CHINESE),
    EN("en", Locale.ENGLISH);

    private final String tag;
    private final Locale locale;

    PageLanguage(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    /** BCP 47 tag, as written in {@code <html lang>} and {@code ?lang=}. */
    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    /**
     * The language the address asks for ({@code ?lang=}), if it names one we speak: what a form's action and the
     * address it redirects to carry on, so a shopper who chose English stays in English after posting.
     */
    public static Optional<String> requestedTag(HttpRequest<?> request) {
        return request.getParameters().getFirst("lang").flatMap(PageLanguage::matching).map(PageLanguage::tag);
    }

    public static PageLanguage of(HttpRequest<?> request) {
        return request.getParameters().getFirst("lang").flatMap(PageLanguage::matching)
                .or(() -> request.getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE).flatMap(PageLanguage::preferred))
                .orElse(ZH_CN);
    }

    /**
     * The address of this request's page in this language: its path and query as the browser sent them,
     * with only {@code lang} replaced, so the switch keeps the sign-in page's {@code next} and a list's
     * filters and page.
     */
    public String switchLink(HttpRequest<?> request) {
        String path = request.getUri().getRawPath();
        String query = request.getUri().getRawQuery();
        // "//host" or a backslash would make a link to another site out of a crafted address
        boolean local = path != null && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\");
        StringBuilder link = new StringBuilder(local ? path : "/").append('?');
        if (query != null) {
            for (String parameter : query.split("&")) {
                String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
                if (!parameter.isEmpty() && !name.equals("lang")) {
                    link.append(parameter).append('&');
                }
            }
        }
        return link.append("lang=").append(tag).toString();
    }

    static Optional<PageLanguage> matching(String requested) {
        String tag = requested.trim().toLowerCase(Locale.ROOT);
        if (tag.startsWith("zh")) {
            return Optional.of(ZH_CN);
        }
        if (tag.startsWith("en")) {
            return Optional.of(EN);
        }
        return Optional.empty();
    }

    /** The first of the browser's ranges (by weight) that we speak. */
    static Optional<PageLanguage> preferred(String acceptLanguage) {
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            return ranges.stream()
                    .filter(r -> r.getWeight() > 0)
                    .map(r -> matching(r.getRange()))
                    .flatMap(Optional::stream)
                    .findFirst();
        } catch (IllegalArgumentException malformedHeader) {
            return Optional.empty();
        }
    }

    static List<PageLanguage> all() {
        return Arrays.asList(values());
    }
}
