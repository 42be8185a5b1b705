package io.vitrine.api.console;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a rendered page the way a test needs: the text of the element marked {@code data-testid}. */
final class Html {

    private Html() {
    }

    static String testId(String page, String id) {
        Matcher found = Pattern.compile("data-testid=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(page);
        assertThat(found.find()).as("an element with data-testid=%s in %s", id, page).isTrue();
        return found.group(1).trim();
    }

    static boolean hasTestId(String page, String id) {
        return page.contains("data-testid=\"" + id + "\"");
    }
}
