package io.vitrine.kernel.tabular;

import java.util.Locale;
import java.util.Optional;

/** The two tabular formats imports accept and exports produce. */
public enum TabularFormat {

    CSV("text/csv", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String contentType;
    private final String extension;

    TabularFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** {@code csv} or {@code xlsx} (any case), as in {@code ?format=} or a filename's extension. */
    public static Optional<TabularFormat> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String plain = name.trim().toLowerCase(Locale.ROOT);
        plain = plain.substring(plain.lastIndexOf('.') + 1);
        for (TabularFormat format : values()) {
            if (format.extension.equals(plain)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
