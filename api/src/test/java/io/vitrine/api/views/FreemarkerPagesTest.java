package io.vitrine.api.views;

import io.micronaut.core.io.Writable;
import io.micronaut.views.exceptions.ViewRenderingException;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application's page renderer: a page is rendered whole before the response starts, so a template that fails
 * is refused at once (a 500 the server answers) instead of a response begun and never ended; records' components
 * read as properties.
 */
@ExtendWith(EmbeddedVitrine.class)
class FreemarkerPagesTest {

    private final FreemarkerPages pages;

    FreemarkerPagesTest(RunningVitrine vitrine) {
        this.pages = vitrine.bean(FreemarkerPages.class);
    }

    @Test
    void a_template_that_fails_half_way_fails_the_render_call_itself_before_anything_is_written() {
        assertThatThrownBy(() -> pages.render("testing/broken-probe", Map.of(), null))
                .isInstanceOf(ViewRenderingException.class)
                .hasMessageContaining("testing/broken-probe");
    }

    @Test
    void a_records_components_read_as_properties() throws IOException {
        Writable page = pages.render("testing/record-probe", Map.of("store", new Store("S001", "前海旗舰店")), null);
        StringWriter out = new StringWriter();
        page.writeTo(out);
        assertThat(out.toString()).contains("<p class=\"store\">S001 前海旗舰店</p>");
    }

    public record Store(String code, String name) {
    }
}
