package io.vitrine.catalog.search.infra;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogTextTest {

    @Test
    void chinese_text_gives_characters_bigrams_and_words() {
        assertThat(CatalogText.textTokens("婴儿奶粉")).contains("婴", "儿", "奶", "粉", "婴儿", "儿奶", "奶粉");
    }

    @Test
    void latin_text_is_folded_lower_cased_and_split_into_letters_and_digits() {
        assertThat(CatalogText.textTokens("Nestlé ＡＰＴＡ２ 800g")).contains("nestle", "apta2", "800g", "800", "g");
    }

    @Test
    void pinyin_has_syllables_and_joined_words_and_initials() {
        assertThat(CatalogText.pinyinTokens("婴儿奶粉")).contains("ying", "er", "nai", "fen", "naifen", "yingernaifen");
        assertThat(CatalogText.initialsTokens("婴儿奶粉")).contains("nf", "ye", "yenf");
    }

    @Test
    void a_polyphone_keeps_every_reading() {
        assertThat(CatalogText.pinyinTokens("行李箱")).contains("xing", "hang", "xinglixiang", "hanglixiang");
        assertThat(CatalogText.initialsTokens("行李箱")).contains("xlx", "hlx");
    }

    @Test
    void u_umlaut_is_typed_as_v_or_u() {
        assertThat(CatalogText.pinyinTokens("绿茶")).contains("lvcha", "lucha", "lv", "lu");
    }

    @Test
    void typed_pinyin_splits_into_the_fewest_syllables() {
        assertThat(PinyinSyllables.split("yingernaifen")).containsExactly("ying", "er", "nai", "fen");
        assertThat(PinyinSyllables.split("xian")).containsExactly("xian");
        assertThat(PinyinSyllables.split("milk")).isEmpty();
        assertThat(PinyinSyllables.split("nf")).isEmpty();
    }

    @Test
    void a_completion_is_found_by_its_text_full_pinyin_and_initials() {
        assertThat(SuggestKeys.entries(java.util.List.of("奶粉")))
                .contains("奶粉\u001f奶粉", "naifen\u001f奶粉", "nf\u001f奶粉");
        assertThat(SuggestKeys.typedPrefix("nai fen")).isEqualTo("naifen");
    }
}
