package io.vitrine.kernel.files;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;

import java.util.List;
import java.util.Locale;

/**
 * The rules of one kind of upload, from {@code vitrine.files.categories.<name>}:
 * <pre>
 * vitrine.files.categories.licence:
 *   max-size: 5MB
 *   allowed-types: [application/pdf, image/png, image/jpeg]
 * </pre>
 */
@EachProperty("vitrine.files.categories")
public record FileCategory(@Parameter String name,
                           @ReadableBytes @Bindable(defaultValue = "5MB") long maxSize,
                           List<String> allowedTypes) {

    public FileCategory {
        allowedTypes = allowedTypes == null ? List.of()
                : allowedTypes.stream().map(type -> type.trim().toLowerCase(Locale.ROOT)).toList();
    }

    public boolean allows(String contentType) {
        return contentType != null && allowedTypes.contains(contentType.trim().toLowerCase(Locale.ROOT));
    }
}
