package io.vitrine.pos.feed;

import io.vitrine.kernel.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedCursorTest {

    @Test
    void a_cursor_reads_back_as_it_was_handed_out() {
        FeedCursor snapshot = FeedCursor.snapshotFrom("S-1", 42).snapshotAfter("A2.FORMULA-900");
        FeedCursor log = FeedCursor.logAt("S-1", 7);

        assertThat(FeedCursor.parse(snapshot.encode(), "S-1")).isEqualTo(snapshot);
        assertThat(FeedCursor.parse(log.encode(), "S-1")).isEqualTo(log);
        assertThat(snapshot.encode()).matches("[A-Za-z0-9_-]+"); // safe in a query string as it is
    }

    @Test
    void anything_else_is_refused_naming_the_cursor() {
        for (String text : new String[] {"%%%", encoded("2:S-1:L:7"), encoded("1:S-1:X:7"), encoded("1:S-1:L:-1"),
                encoded("1:S-1:L:seven"), encoded("1:S-1:L:7:SKU"), encoded("1:S-1")}) {
            assertThatThrownBy(() -> FeedCursor.parse(text, "S-1")).as(text)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.errors()).extracting(f -> f.field()).containsExactly("cursor");
                        assertThat(e.errors().get(0).rule()).isEqualTo("CURSOR_FORM");
                    });
        }
    }

    @Test
    void another_stores_cursor_is_refused_rather_than_skipping_changes() {
        String theirs = FeedCursor.logAt("S-2", 7).encode();

        assertThatThrownBy(() -> FeedCursor.parse(theirs, "S-1"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).rule()).isEqualTo("CURSOR_OF_ANOTHER_STORE"));
    }

    private static String encoded(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
