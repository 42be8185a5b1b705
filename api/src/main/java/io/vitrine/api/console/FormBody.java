package io.vitrine.api.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.ServerHttpRequest;
import io.vitrine.kernel.error.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of a console form (application/x-www-form-urlencoded, UTF-8) decoded from its whole body, for the
 * long forms (a product, an assortment's boxes). Binding them with {@code @Body} now and then left a few fields
 * empty when the body arrived in several pieces (seen with the product form and its Chinese names: "Required."
 * next to fields that were filled in), so their routes take no {@code @Body} and read the body whole here. Short
 * forms keep {@code @Body}.
 */
public final class FormBody {

    private final Map<String, List<String>> fields;

    private FormBody(Map<String, List<String>> fields) {
        this.fields = fields;
    }

    /** Reads the request's body (the route binds no body, so it is unread); a body that is no form is refused (400). */
    public static FormBody of(HttpRequest<?> request) {
        if (!(request instanceof ServerHttpRequest<?> server)) {
            return new FormBody(Map.of());
        }
        try (InputStream body = server.byteBody().toInputStream()) {
            return parse(new String(body.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the form", e);
        }
    }

    static FormBody parse(String encoded) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        try {
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                fields.computeIfAbsent(name, n -> new java.util.ArrayList<>()).add(value);
            }
        } catch (IllegalArgumentException malformed) {
            throw InvalidInputException.of("form", "not a form this page sends");
        }
        return new FormBody(fields);
    }

    /** The field's first value, or null when it was not sent. */
    @Nullable
    public String first(String name) {
        List<String> values = fields.get(name);
        return values == null ? null : values.get(0);
    }

    /** Every value sent under the name (checkboxes), in the order sent. */
    public List<String> all(String name) {
        return List.copyOf(fields.getOrDefault(name, List.of()));
    }
}
