package io.vitrine.api.views;

import freemarker.cache.StringTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every page's Freemarker runs sandboxed: a template can show its model, never run code on the server. */
public class SandboxedFreemarkerTest {

    @TempDir
    Path scratch;

    public record Shop(String name) {
    }

    @Test
    void execute_through_new_fails_to_render_and_runs_nothing() {
        Path marker = scratch.resolve("executed");
        String template = "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"touch " + marker + "\")}";

        assertThatThrownBy(() -> render(template, Map.of())).isInstanceOf(TemplateException.class)
                .hasMessageContaining("freemarker.template.utility.Execute");
        assertThat(marker).doesNotExist();
        // the same command runs where ?new is left to Freemarker's default: the test can tell
        assertThat(unsandboxedExecuteRuns(marker)).isTrue();
    }

    @Test
    void no_class_resolves_for_new() {
        for (String type : new String[]{"freemarker.template.utility.ObjectConstructor", "java.lang.ProcessBuilder",
                "freemarker.template.utility.JythonRuntime"}) {
            assertThatThrownBy(() -> render("${\"" + type + "\"?new()}", Map.of()))
                    .as(type).isInstanceOf(TemplateException.class);
        }
    }

    @Test
    void the_api_built_in_is_off() {
        Map<String, Object> model = Map.of("m", new HashMap<>(Map.of("a", "1")));

        assertThatThrownBy(() -> render("${m?api.get(\"a\")}", model)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("api");
    }

    @Test
    void model_objects_show_their_values_but_not_their_class_or_loader() throws Exception {
        Map<String, Object> model = Map.of("shop", new Shop("Qianhai"));

        assertThat(render("${shop.name}", model)).isEqualTo("Qianhai");
        assertThat(render("${(shop.class.protectionDomain)!\"hidden\"}", model)).isEqualTo("hidden");
        assertThat(render("${(shop.getClass())!\"hidden\"}", model)).isEqualTo("hidden");
    }

    @Test
    void eval_stays_within_the_sandbox() {
        Path marker = scratch.resolve("evaluated");
        String template = "${(\"\\\"freemarker.template.utility.Execute\\\"?new()\")?eval(\"touch " + marker + "\")}";

        assertThatThrownBy(() -> render(template, Map.of())).isInstanceOf(TemplateException.class);
        assertThat(marker).doesNotExist();
    }

    private static String render(String source, Map<String, Object> model) throws Exception {
        StringTemplateLoader loader = new StringTemplateLoader();
        loader.putTemplate("t.ftlh", source);
        Configuration freemarker = SandboxedFreemarker.configuration(loader);
        StringWriter out = new StringWriter();
        freemarker.getTemplate("t.ftlh").process(model, out);
        return out.toString();
    }

    private static boolean unsandboxedExecuteRuns(Path marker) {
        try {
            StringTemplateLoader loader = new StringTemplateLoader();
            loader.putTemplate("t.ftl", "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"touch " + marker + "\")}");
            Configuration plain = new Configuration(Configuration.VERSION_2_3_34);
            plain.setTemplateLoader(loader);
            plain.getTemplate("t.ftl").process(Map.of(), new StringWriter());
            return Files.exists(marker);
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            try {
                Files.deleteIfExists(marker);
            } catch (java.io.IOException ignored) {
                // a temp dir
            }
        }
    }
}
