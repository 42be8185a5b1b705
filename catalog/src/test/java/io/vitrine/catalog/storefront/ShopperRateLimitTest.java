package io.vitrine.catalog.storefront;

import io.vitrine.kernel.cache.CacheUnavailableException;
import io.vitrine.kernel.cache.RateLimiter;
import io.vitrine.kernel.cache.infra.InProcessRateLimiter;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.error.RateLimitedException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The per-address limit of searches with the check overlapping the search ({@link ShopperRateLimit#limit}), on the
 * kernel's in-process limiter (the Redis one answers the same contract: kernel {@code CacheContractTest}; over HTTP
 * in cluster mode: api {@code ClusterDegradedSearchTest}).
 */
class ShopperRateLimitTest {

    private final AtomicInteger searches = new AtomicInteger();

    private String search() {
        return "found " + searches.incrementAndGet();
    }

    @Test
    void within_the_limit_the_search_answers_then_over_it_429_and_the_address_no_longer_reaches_the_engine() {
        ShopperRateLimit limit = new ShopperRateLimit(new InProcessRateLimiter(), 2, Duration.ofMinutes(1));

        assertThat(limit.limit("10.0.0.1", this::search)).isEqualTo("found 1");
        assertThat(limit.limit("10.0.0.1", this::search)).isEqualTo("found 2");
        assertThatThrownBy(() -> limit.limit("10.0.0.1", this::search)).isInstanceOf(RateLimitedException.class)
                .satisfies(e -> assertThat(((RateLimitedException) e).retryAfter()).isPositive()
                        .isLessThanOrEqualTo(Duration.ofMinutes(1)));
        assertThat(searches).as("the check overlapped this search: it ran, its answer was not sent").hasValue(3);

        assertThatThrownBy(() -> limit.limit("10.0.0.1", this::search)).isInstanceOf(RateLimitedException.class);
        assertThatThrownBy(() -> limit.check("10.0.0.1")).isInstanceOf(RateLimitedException.class);
        assertThat(searches).as("a denied address is refused before its search").hasValue(3);

        assertThat(limit.limit("10.0.0.2", this::search)).as("another address has its own count").isEqualTo("found 4");
    }

    @Test
    void a_denied_address_passes_again_once_its_retry_after_is_over() throws InterruptedException {
        ShopperRateLimit limit = new ShopperRateLimit(new InProcessRateLimiter(), 1, Duration.ofMillis(300));
        limit.limit("10.0.0.1", this::search);
        assertThatThrownBy(() -> limit.limit("10.0.0.1", this::search)).isInstanceOf(RateLimitedException.class);

        Thread.sleep(400);

        assertThat(limit.limit("10.0.0.1", this::search)).isEqualTo("found 3");
    }

    @Test
    void over_the_limit_429_wins_over_what_the_search_refused_and_within_it_the_refusal_is_answered() {
        ShopperRateLimit limit = new ShopperRateLimit(new InProcessRateLimiter(), 1, Duration.ofMinutes(1));
        InvalidInputException badQuery = InvalidInputException.of("page", "WHOLE_NUMBER", "a whole number");

        assertThatThrownBy(() -> limit.limit("10.0.0.1", () -> {
            throw badQuery;
        })).isSameAs(badQuery);
        assertThatThrownBy(() -> limit.limit("10.0.0.1", () -> {
            throw badQuery;
        })).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void when_the_limiter_cannot_answer_the_search_passes() {
        RateLimiter unreachable = (key, rateLimit) -> {
            throw new CacheUnavailableException("Redis did not serve the request: connection refused", null);
        };
        ShopperRateLimit limit = new ShopperRateLimit(unreachable, 1, Duration.ofMinutes(1));

        assertThat(limit.limit("10.0.0.1", this::search)).isEqualTo("found 1");
        assertThat(limit.limit("10.0.0.1", this::search)).isEqualTo("found 2");
        limit.check("10.0.0.1");
    }
}
