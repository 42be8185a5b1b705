package io.vitrine.tenants.themes;

import io.micronaut.core.annotation.Nullable;

/** A text of the shop's own (welcome, footer) in Chinese and English; either may be absent. */
public record ShopText(@Nullable String zh, @Nullable String en) {

    public static final ShopText NONE = new ShopText(null, null);

    /**
     * The text for a page in this language ({@code en} or {@code zh-CN}); when the merchant wrote it in the
     * other language only, that one (the merchant's words rather than none), else {@code null}.
     */
    @Nullable
    public String in(String languageTag) {
        boolean english = languageTag != null && languageTag.toLowerCase(java.util.Locale.ROOT).startsWith("en");
        String wanted = english ? en : zh;
        return wanted != null ? wanted : (english ? zh : en);
    }
}
