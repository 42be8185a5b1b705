package io.vitrine.api.landing;

import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedVitrine.class)
class LandingPageTest {

    private final RunningVitrine vitrine;

    LandingPageTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
    }

    @Test
    void speaks_chinese_by_default_and_says_it_runs_embedded() {
        HttpResponse<String> page = vitrine.get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body())
                .contains("<html lang=\"zh-CN\">")
                .contains("保税商品，上架每一家门店、每一部手机")
                .contains("嵌入式模式")
                .contains("href=\"/swagger-ui/index.html\"")
                .contains("href=\"/health\"");
    }

    @Test
    void speaks_english_when_asked_by_query_parameter() {
        HttpResponse<String> page = vitrine.get("/?lang=en");

        assertThat(page.body())
                .contains("<html lang=\"en\">")
                .contains("Bonded goods, on every shelf and every phone")
                .contains("Embedded mode")
                .doesNotContain("保税商品，上架");
    }

    @Test
    void follows_the_browsers_accept_language_when_no_language_is_asked() {
        HttpResponse<String> page = vitrine.get("/", "Accept-Language", "en-GB,en;q=0.9,zh;q=0.5");

        assertThat(page.body()).contains("<html lang=\"en\">");
        assertThat(page.headers().allValues("Vary")).anySatisfy(v -> assertThat(v).containsIgnoringCase("Accept-Language"));
    }

    @Test
    void the_query_parameter_wins_over_accept_language() {
        HttpResponse<String> page = vitrine.get("/?lang=zh-CN", "Accept-Language", "en");

        assertThat(page.body()).contains("<html lang=\"zh-CN\">");
    }

    @Test
    void links_the_stylesheet_with_the_release_as_cache_buster() {
        assertThat(vitrine.get("/").body()).containsPattern("href=\"/static/css/vitrine\\.css\\?v=[^\"]+\"");
    }
}
