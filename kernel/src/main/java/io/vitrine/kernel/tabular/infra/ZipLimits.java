package io.vitrine.kernel.tabular.infra;

import io.vitrine.kernel.tabular.TabularFileException;
import io.vitrine.kernel.tabular.TabularFileException.Rule;
import io.vitrine.kernel.tabular.TabularSettings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Zip-bomb protection for XLSX packages, before POI opens them: every part is inflated once into
 * nothing, counting the bytes actually produced (declared sizes can lie), and the package is
 * refused as soon as a part grows past {@code max-unzipped-entry-size} or inflates more than
 * {@code 1 / min-inflate-ratio} times its compressed size. Costs one streaming pass, no memory.
 */
final class ZipLimits {

    private static final int MAX_ENTRIES = 10_000;
    /** Small parts may compress very well (an empty sheet); the ratio only counts above this. */
    private static final long GRACE_BYTES = 1024 * 1024;

    private ZipLimits() {
    }

    static void check(Path file, TabularSettings limits) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            int entries = 0;
            byte[] buffer = new byte[64 * 1024];
            for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
                ZipEntry entry = all.nextElement();
                if (++entries > MAX_ENTRIES) {
                    throw new TabularFileException(Rule.ZIP_BOMB, "the workbook package has more than " + MAX_ENTRIES + " parts");
                }
                long compressed = Math.max(entry.getCompressedSize(), 1);
                long inflated = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    int read;
                    while ((read = in.read(buffer)) != -1) {
                        inflated += read;
                        if (inflated > limits.maxUnzippedEntrySize()) {
                            throw new TabularFileException(Rule.ZIP_BOMB, "a part of the workbook inflates to more than "
                                    + limits.maxUnzippedEntrySize() + " bytes");
                        }
                        if (inflated > GRACE_BYTES && (double) compressed / inflated < limits.minInflateRatio()) {
                            throw new TabularFileException(Rule.ZIP_BOMB, "a part of the workbook inflates more than "
                                    + Math.round(1 / limits.minInflateRatio()) + " times its packed size");
                        }
                    }
                }
            }
            if (entries == 0) {
                throw new TabularFileException(Rule.MALFORMED_XLSX, "the workbook package is empty");
            }
        } catch (ZipException e) {
            throw new TabularFileException(Rule.MALFORMED_XLSX, "the file is not an XLSX workbook (not a readable ZIP package)");
        } catch (IOException e) {
            throw new TabularFileException(Rule.MALFORMED_XLSX, "the workbook package is damaged");
        }
    }
}
