package io.vitrine.customs.messages;

import io.micronaut.core.annotation.Nullable;

import javax.xml.stream.XMLStreamException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One block of a message (a head, a line, a receipt, BaseTransfer): its element name and its leaf fields in the
 * standard's order, each with how the record gives its text. The writer, the reader and {@link MessageRules} all
 * follow this one list, so the element order is stated once.
 */
final class Block<T> {

    /** A leaf element; {@code required} ones must be present and not empty in what we emit. */
    record Field<T>(String name, boolean required, Function<T, String> text) {
    }

    /** A field's text in one block as it would be written: {@code null} when absent. */
    record FieldText(String name, boolean required, @Nullable String text) {
    }

    private final String element;
    private final List<Field<T>> fields;
    private final Function<FieldValues, T> reader;

    private Block(String element, List<Field<T>> fields, Function<FieldValues, T> reader) {
        this.element = element;
        this.fields = List.copyOf(fields);
        this.reader = reader;
    }

    static <T> Builder<T> named(String element) {
        return new Builder<>(element);
    }

    String element() {
        return element;
    }

    List<String> fieldNames() {
        return fields.stream().map(Field::name).toList();
    }

    List<FieldText> texts(T value) {
        return fields.stream().map(f -> new FieldText(f.name(), f.required(), f.text().apply(value))).toList();
    }

    void write(XmlOut out, T value) throws XMLStreamException {
        out.start(element);
        for (FieldText field : texts(value)) {
            if (field.text() != null) {
                out.leaf(field.name(), field.text());
            }
        }
        out.end();
    }

    T read(XmlElement block, String path) {
        return reader.apply(new FieldValues(block, path));
    }

    static final class Builder<T> {
        private final String element;
        private final List<Field<T>> fields = new ArrayList<>();

        private Builder(String element) {
            this.element = element;
        }

        Builder<T> required(String name, Function<T, String> text) {
            fields.add(new Field<>(name, true, text));
            return this;
        }

        Builder<T> optional(String name, Function<T, String> text) {
            fields.add(new Field<>(name, false, text));
            return this;
        }

        Block<T> reading(Function<FieldValues, T> reader) {
            return new Block<>(element, fields, reader);
        }
    }
}
