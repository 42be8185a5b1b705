package io.vitrine.api.testing;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Real headless Chromium driven by Selenium through the machine's chromedriver (testing.md: no driver
 * download is possible). Each instance has a fresh profile directory.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private static final Duration PAGE_LOAD = Duration.ofSeconds(20);

    private final Path profile;
    private final ChromeDriver driver;

    public HeadlessChromium(int width, int height) {
        try {
            this.profile = Files.createTempDirectory("vitrine-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        // a browser set up for the pilot zone: headless Chromium otherwise asks for en-US
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * Opens a console page — which asks for sign-in first, then leads back to it — and signs in: the browser is then
     * on that page, signed in.
     */
    public void signIn(URI consolePage, String username, String password) {
        driver.get(consolePage.toString());
        signIn(username, password);
    }

    /**
     * Fills in the console's sign-in form the browser shows (a name already filled in is replaced), sends it and
     * waits for the signed-in console (its navigation names who is signed in); a sign-in that does not get there
     * fails with the page and a screenshot ({@code sign-in-failed}).
     */
    public void signIn(String username, String password) {
        type(await(By.id("f-username"), "sign-in-failed"), username);
        type(driver.findElement(By.id("f-password")), password);
        clickThrough(By.cssSelector(".console form button[type=submit]"));
        await(By.cssSelector("[data-testid=viewer]"), "sign-in-failed");
    }

    private static void type(WebElement input, String value) {
        input.clear();
        input.sendKeys(value);
    }

    /**
     * Clicks what loads another page and waits until the browser has left the current one. Waiting only for an
     * element of the next page is not enough when the current page has one like it: the element found may be
     * the old page's, replaced under the test a moment later ("node does not belong to the document").
     */
    public void clickThrough(By trigger) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(trigger).click();
        new WebDriverWait(driver, PAGE_LOAD).until(browser -> gone(page));
    }

    /**
     * Whether the element's document was replaced. Selenium's {@code stalenessOf} expects a stale reference;
     * Chromium sometimes answers for a node of the replaced document with an inspector error instead ("Node with
     * given id does not belong to the document"), which means the same.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException stale) {
            return true;
        } catch (org.openqa.selenium.WebDriverException detached) {
            if (detached.getMessage() != null && detached.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw detached;
        }
    }

    /**
     * Waits for an element of the page being loaded (generously: the machine is shared) and returns it; when it
     * does not come, fails with the page's address and source and a screenshot named after the test.
     */
    public WebElement await(By element, String screenshotName) {
        return await(element, screenshotName, PAGE_LOAD);
    }

    /** {@link #await(By, String)} for what takes longer than a page load (a background job's end). */
    public WebElement await(By element, String screenshotName, Duration patience) {
        try {
            return new WebDriverWait(driver, patience).until(ExpectedConditions.presenceOfElementLocated(element));
        } catch (org.openqa.selenium.TimeoutException notThere) {
            screenshot(screenshotName);
            throw new AssertionError("no " + element + " on " + driver.getCurrentUrl() + ":\n" + driver.getPageSource(),
                    notThere);
        }
    }

    /** Saves a screenshot of the current page under the module's target/ folder and returns where. */
    public Path screenshot(String name) {
        try {
            Path target = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), target,
                    StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var paths = Files.walk(profile)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp profile left behind is harmless
        }
    }
}
