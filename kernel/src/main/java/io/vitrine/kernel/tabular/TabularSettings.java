package io.vitrine.kernel.tabular;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;

/**
 * {@code vitrine.tabular.*}: the limits every uploaded tabular file is read within.
 *
 * @param maxFileSize          bytes of the upload; larger files are refused before any parsing
 * @param maxRows              data rows per file
 * @param maxCellLength        characters per cell
 * @param maxUnzippedEntrySize bytes any one part of an XLSX package may inflate to (zip bombs)
 * @param minInflateRatio      smallest compressed/uncompressed ratio an XLSX part may have (0.01 =
 *                             at most 100 times smaller than its content)
 */
@ConfigurationProperties("vitrine.tabular")
public record TabularSettings(
        @ReadableBytes @Bindable(defaultValue = "30MB") long maxFileSize,
        @Bindable(defaultValue = "200000") long maxRows,
        @Bindable(defaultValue = "4000") int maxCellLength,
        @ReadableBytes @Bindable(defaultValue = "256MB") long maxUnzippedEntrySize,
        @Bindable(defaultValue = "0.01") double minInflateRatio) {

    public TabularSettings {
        if (maxFileSize < 1 || maxRows < 1 || maxCellLength < 1 || maxUnzippedEntrySize < 1) {
            throw new IllegalArgumentException("vitrine.tabular limits must be positive");
        }
        if (minInflateRatio <= 0 || minInflateRatio >= 1) {
            throw new IllegalArgumentException("vitrine.tabular.min-inflate-ratio is between 0 and 1, e.g. 0.01");
        }
    }

    public TabularSettings withMaxRows(long rows) {
        return new TabularSettings(maxFileSize, rows, maxCellLength, maxUnzippedEntrySize, minInflateRatio);
    }

    public TabularSettings withMaxFileSize(long bytes) {
        return new TabularSettings(bytes, maxRows, maxCellLength, maxUnzippedEntrySize, minInflateRatio);
    }
}
