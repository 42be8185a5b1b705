package io.vitrine.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code --name value} options a benchmark takes ({@code ./vitrine bench <name> [options]}): parsed once, an
 * unknown name or a name without a value refused with the list of known ones, each read with its default.
 */
final class BenchOptions {

    private final Map<String, String> given;

    private BenchOptions(Map<String, String> given) {
        this.given = given;
    }

    static BenchOptions parse(List<String> args, List<String> known) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            if (!args.get(i).startsWith("--") || i + 1 >= args.size()) {
                throw new IllegalArgumentException("options are --name value pairs, not " + args.get(i));
            }
            given.put(args.get(i).substring(2), args.get(i + 1));
        }
        given.keySet().stream().filter(k -> !known.contains(k)).findFirst().ifPresent(k -> {
            throw new IllegalArgumentException("unknown option --" + k + " (options: --" + String.join(", --", known)
                    + ")");
        });
        return new BenchOptions(given);
    }

    String text(String name, String otherwise) {
        return given.getOrDefault(name, otherwise);
    }

    int integer(String name, int otherwise) {
        return read(name, Integer::valueOf, otherwise);
    }

    long whole(String name, long otherwise) {
        return read(name, Long::valueOf, otherwise);
    }

    double decimal(String name, double otherwise) {
        return read(name, Double::valueOf, otherwise);
    }

    /** A comma-separated list, each item converted. */
    <T> List<T> list(String name, String otherwise, Function<String, T> item) {
        return List.of(text(name, otherwise).split(",")).stream().map(String::trim).map(item).toList();
    }

    /** The Elasticsearch node: {@code --es-url}, else {@code VITRINE_BENCH_ES_URL}; null when neither is set. */
    String esUrl() {
        String url = given.getOrDefault("es-url", System.getenv("VITRINE_BENCH_ES_URL"));
        return url == null || url.isBlank() ? null : url;
    }

    private <T> T read(String name, Function<String, T> parse, T otherwise) {
        String value = given.get(name);
        if (value == null) {
            return otherwise;
        }
        try {
            return parse.apply(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " takes a number, not " + value);
        }
    }
}
