package io.vitrine.api.views;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator's per-tenant storefront templates: used when they work, the default otherwise. */
class TemplateOverridesTest {

    private static final String VIEW = "storefront/theme-probe";
    private static final Map<String, Object> MODEL = Map.of("tenant", "shop-a",
            "theme", Map.of("shopName", "Qianhai Flagship"));

    @TempDir
    Path overrides;
    @TempDir
    Path scratch;

    private final Logger logger = (Logger) LoggerFactory.getLogger(TemplateOverrides.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
    }

    @Test
    void the_tenants_override_renders_with_the_model() throws IOException {
        write("shop-a", "<p class=\"override\">${theme.shopName}</p>");

        assertThat(new TemplateOverrides(overrides.toString()).render("shop-a", VIEW, Locale.ENGLISH, MODEL))
                .hasValue("<p class=\"override\">Qianhai Flagship</p>");
        assertThat(logged.list).isEmpty();
    }

    @Test
    void without_an_override_for_this_tenant_or_view_or_without_the_setting_the_default_renders() throws IOException {
        write("shop-a", "override");
        TemplateOverrides configured = new TemplateOverrides(overrides.toString());

        assertThat(configured.render("shop-b", VIEW, Locale.ENGLISH, MODEL)).isEmpty();
        assertThat(configured.render("shop-a", "storefront/home", Locale.ENGLISH, MODEL)).isEmpty();
        assertThat(configured.render("../" + overrides.getFileName() + "/shop-a", VIEW, Locale.ENGLISH, MODEL)).isEmpty();
        assertThat(configured.render("shop-a", "console/home", Locale.ENGLISH, MODEL)).isEmpty();
        assertThat(new TemplateOverrides("").render("shop-a", VIEW, Locale.ENGLISH, MODEL)).isEmpty();
        assertThat(logged.list).isEmpty();
    }

    @Test
    void a_broken_override_gives_way_to_the_default_with_one_warning_per_version() throws IOException {
        Path file = write("shop-a", "<#if>unclosed");
        TemplateOverrides configured = new TemplateOverrides(overrides.toString());

        assertThat(configured.render("shop-a", VIEW, Locale.ENGLISH, MODEL)).isEmpty();
        assertThat(configured.render("shop-a", VIEW, Locale.ENGLISH, MODEL)).isEmpty();
        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getFormattedMessage()).contains("shop-a", VIEW).doesNotContain("\n");
            assertThat(event.getThrowableProxy()).as("no stack trace").isNull();
        });

        Files.writeString(file, "${theme.missing.value}"); // parses, fails while rendering
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
        TemplateOverrides fresh = new TemplateOverrides(overrides.toString());
        assertThat(fresh.render("shop-a", VIEW, Locale.ENGLISH, MODEL)).isEmpty();
        assertThat(logged.list).hasSize(2);
    }

    @Test
    void an_override_reaching_for_code_gives_way_to_the_default_and_runs_nothing() throws IOException {
        Path marker = scratch.resolve("executed");
        write("shop-a", "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"touch " + marker + "\")}");

        assertThat(new TemplateOverrides(overrides.toString()).render("shop-a", VIEW, Locale.ENGLISH, MODEL)).isEmpty();
        assertThat(marker).doesNotExist();
        assertThat(logged.list).singleElement().satisfies(event ->
                assertThat(event.getFormattedMessage()).contains("Execute"));
    }

    @Test
    void an_override_may_import_the_platforms_layouts() throws IOException {
        write("shop-a", "<#import \"/console/frame.ftlh\" as c>${c.u(\"/x\")}");

        assertThat(new TemplateOverrides(overrides.toString())
                .render("shop-a", VIEW, Locale.ENGLISH, Map.of("lang", "en", "tenant", "shop-a")))
                .hasValue("/x?lang=en");
    }

    private Path write(String tenant, String template) throws IOException {
        Path file = overrides.resolve(tenant).resolve(VIEW + ".ftlh");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, template);
    }
}
