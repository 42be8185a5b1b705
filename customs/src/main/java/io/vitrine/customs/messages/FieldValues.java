package io.vitrine.customs.messages;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The leaf fields of one block as read, by element name, with typed getters that name the element's path when a
 * value is missing or unreadable. Known spelling variants are folded onto the standard name.
 */
final class FieldValues {

    /** Variant spelling -> the name we write. */
    private static final Map<String, String> VARIANTS = Map.of("consigneeDistrict", "consigneeDitrict");

    private final String path;
    private final Map<String, String> texts = new HashMap<>();

    FieldValues(XmlElement block, String path) {
        this.path = path;
        for (XmlElement child : block.children()) {
            if (!child.isLeaf()) {
                continue;
            }
            String name = VARIANTS.getOrDefault(child.name(), child.name());
            if (texts.putIfAbsent(name, child.text()) != null) {
                throw new MalformedMessageException(path + "." + name, "FIELD_REPEATED", "the element appears twice");
            }
        }
    }

    String text(String name) {
        String value = optional(name);
        if (value == null) {
            throw new MalformedMessageException(path + "." + name, "FIELD_REQUIRED", "the element is missing or empty");
        }
        return value;
    }

    @Nullable
    String optional(String name) {
        String value = texts.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    int integer(String name) {
        return parse(name, Integer::parseInt, "an integer");
    }

    Money amount(String name) {
        return parse(name, CebFormats::readAmount, "an amount in yuan with at most two decimals that are not zero");
    }

    BigDecimal decimal(String name) {
        return parse(name, CebFormats::readDecimal, "a decimal(19,5)");
    }

    @Nullable
    BigDecimal optionalDecimal(String name) {
        return optional(name) == null ? null : decimal(name);
    }

    Instant time(String name) {
        return parse(name, CebFormats::readTime, "yyyyMMddHHmmss or yyyyMMddHHmmssSSS in China time");
    }

    LocalDate day(String name) {
        return parse(name, CebFormats::readDay, "yyyyMMdd");
    }

    String guid(String name) {
        return parse(name, CebFormats::readGuid, "a 36-character guid");
    }

    Party party(String codeName, String nameName) {
        return new Party(text(codeName), text(nameName));
    }

    @Nullable
    Party optionalParty(String codeName, String nameName) {
        String code = optional(codeName);
        return code == null ? null : new Party(code, text(nameName));
    }

    AppHead appHead() {
        return new AppHead(guid("guid"), parse("appType", AppType::ofCode, "1, 2 or 3"), time("appTime"),
                parse("appStatus", AppStatus::ofCode, "1 or 2"));
    }

    private <T> T parse(String name, Function<String, T> parser, String expected) {
        String value = text(name);
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new MalformedMessageException(path + "." + name, "FIELD_FORMAT", "expected " + expected);
        }
    }
}
