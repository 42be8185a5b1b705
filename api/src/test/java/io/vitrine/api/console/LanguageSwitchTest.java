package io.vitrine.api.console;

import io.vitrine.api.tenants.SampleCodes;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The language switch (layout/base.ftlh) leads to the same page in the other language: the path and query
 * as they were, only {@code lang} replaced — so the sign-in page keeps where it leads back to.
 */
@ExtendWith(EmbeddedVitrine.class)
class LanguageSwitchTest {

    private final RunningVitrine vitrine;

    LanguageSwitchTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
    }

    @Test
    void the_switch_on_the_sign_in_page_keeps_where_it_leads_back_to() {
        String page = vitrine.get("/console/login?next=%2Fconsole%2Fdevices%3Fstatus%3Doffline&lang=en").body();

        assertThat(switchTo(page, "zh-CN")).isEqualTo("/console/login?next=%2Fconsole%2Fdevices%3Fstatus%3Doffline&lang=zh-CN");
    }

    @Test
    void after_a_refused_sign_in_the_switch_still_keeps_where_it_leads_back_to() {
        HttpResponse<String> refused = new ConsoleClient(vitrine).post("/console/login?next=%2Fconsole%2Fdevices&lang=en",
                Map.of("username", SampleCodes.unique("nobody"), "password", "wrong-password-1", "next", "/console/devices"));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(switchTo(refused.body(), "zh-CN")).isEqualTo("/console/login?next=%2Fconsole%2Fdevices&lang=zh-CN");
    }

    @Test
    void the_sign_in_form_carries_where_it_leads_back_to_in_its_address_too() {
        String page = vitrine.get("/console/login?next=%2Fconsole%2Fstaff&lang=en").body();

        assertThat(page).contains("action=\"/console/login?next=%2Fconsole%2Fstaff&amp;lang=en\"",
                "name=\"next\" value=\"/console/staff\"");
    }

    @Test
    void every_lang_in_the_query_is_replaced_and_the_other_parameters_kept_in_order() {
        String page = vitrine.get("/?lang=en&a=1&lang=zh&b=x%26y").body();

        assertThat(switchTo(page, "zh-CN")).isEqualTo("/?a=1&b=x%26y&lang=zh-CN");
    }

    @Test
    void a_page_without_a_query_gets_only_the_language() {
        String page = vitrine.get("/console/login").body();

        assertThat(switchTo(page, "en")).isEqualTo("/console/login?lang=en");
    }

    /** The switch's link to a language, unescaped as the browser reads it. */
    private static String switchTo(String page, String language) {
        String link = page.replaceAll("(?s).*<a class=\"lang-switch__item\" href=\"([^\"]*)\" hreflang=\"" + language + "\".*", "$1");
        assertThat(link).as("a switch to %s in %s", language, page).doesNotContain("<html");
        return link.replace("&amp;", "&");
    }
}
