package io.vitrine.api.landing;

import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.HeadlessChromium;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedVitrine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LandingPageBrowserTest {

    private final RunningVitrine vitrine;
    private HeadlessChromium chromium;

    LandingPageBrowserTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
    }

    @BeforeAll
    void openBrowser() {
        chromium = new HeadlessChromium(1280, 1800);
    }

    @AfterAll
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void a_visitor_sees_the_styled_landing_page_in_chinese() {
        WebDriver browser = chromium.driver();
        browser.get(vitrine.uri("/").toString());

        assertThat(browser.getTitle()).contains("Vitrine");
        WebElement title = browser.findElement(By.cssSelector("h1"));
        assertThat(title.isDisplayed()).isTrue();
        assertThat(title.getText()).isEqualTo("保税商品，上架每一家门店、每一部手机");
        assertThat(browser.findElement(By.cssSelector("[data-testid=mode]")).getText()).isEqualTo("嵌入式模式");
        // only the shared stylesheet gives the hero its gradient and the cards their grid
        assertThat(browser.findElement(By.cssSelector(".hero")).getCssValue("background-image")).contains("linear-gradient");
        assertThat(browser.findElement(By.cssSelector(".cards")).getCssValue("display")).isEqualTo("grid");
        chromium.screenshot("landing-zh-CN");
    }

    @Test
    void the_language_switch_turns_the_page_into_english() {
        WebDriver browser = chromium.driver();
        browser.get(vitrine.uri("/").toString());

        browser.findElement(By.cssSelector("a[hreflang=en]")).click();

        assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo("Bonded goods, on every shelf and every phone");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        chromium.screenshot("landing-en");
    }
}
