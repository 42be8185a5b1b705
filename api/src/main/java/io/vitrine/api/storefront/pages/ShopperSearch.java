package io.vitrine.api.storefront.pages;

import io.micronaut.core.annotation.Nullable;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a shopper asked a search page for: text, the brand and category chosen from the facets, the page; plus
 * {@code lang} when the address named it, so following a link keeps the language. It writes the links that
 * change one thing and keep the rest (a facet keeps the text; new text starts from page 0).
 */
public record ShopperSearch(@Nullable String q, @Nullable String brand, @Nullable String category, int page,
                            @Nullable String lang) {

    public static final int PAGE_SIZE = 24;

    public static ShopperSearch of(@Nullable String q, @Nullable String brand, @Nullable String category,
                                   @Nullable String page, @Nullable String lang) {
        int number = 0;
        if (page != null && page.matches("\\d{1,4}")) {
            number = Integer.parseInt(page);
        }
        return new ShopperSearch(blankToNull(q), blankToNull(brand), blankToNull(category), number, blankToNull(lang));
    }

    public boolean isHome() {
        return q == null && brand == null && category == null && page == 0;
    }

    public String withBrand(String base, @Nullable String chosen) {
        return ShopperLinks.query(base, parameters(q, chosen, category, 0));
    }

    public String withCategory(String base, @Nullable String chosen) {
        return ShopperLinks.query(base, parameters(q, brand, chosen, 0));
    }

    public String withPage(String base, int chosen) {
        return ShopperLinks.query(base, parameters(q, brand, category, chosen));
    }

    /** A link from the results that keeps only the language (a product page, the home screen). */
    public String keepingLanguage(String link) {
        return ShopperLinks.query(link, "lang", lang);
    }

    private Map<String, String> parameters(@Nullable String text, @Nullable String brandChosen,
                                           @Nullable String categoryChosen, int pageChosen) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("q", text);
        parameters.put("brand", brandChosen);
        parameters.put("category", categoryChosen);
        parameters.put("page", pageChosen == 0 ? null : String.valueOf(pageChosen));
        parameters.put("lang", lang);
        return parameters;
    }

    private static String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
