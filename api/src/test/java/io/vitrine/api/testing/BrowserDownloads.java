package io.vitrine.api.testing;

import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A temporary folder for a browser test: the files it uploads are written in it, and what the page makes Chromium
 * save lands in its {@code downloads} folder. Closing it deletes everything.
 */
public final class BrowserDownloads implements AutoCloseable {

    private final HeadlessChromium chromium;
    private final Path folder;

    private BrowserDownloads(HeadlessChromium chromium, Path folder) {
        this.chromium = chromium;
        this.folder = folder;
    }

    /** A new folder (named after {@code prefix}) that the browser's downloads go to from now on. */
    public static BrowserDownloads of(HeadlessChromium chromium, String prefix) throws IOException {
        Path folder = Files.createTempDirectory(prefix);
        ((HasCdp) chromium.driver()).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", folder.resolve("downloads").toString()));
        return new BrowserDownloads(chromium, folder);
    }

    /** Where the test writes a file of its own (to upload it). */
    public Path file(String name) {
        return folder.resolve(name);
    }

    /** The one file the page saved, once Chromium finished writing it (at most {@code patience} later). */
    public Path single(Duration patience) {
        Path downloads = folder.resolve("downloads");
        return new WebDriverWait(chromium.driver(), patience).until(driver -> {
            if (!Files.isDirectory(downloads)) {
                return null;
            }
            try (Stream<Path> saved = Files.list(downloads)) {
                List<Path> done = saved.filter(p -> !p.getFileName().toString().endsWith(".crdownload")).toList();
                return done.size() == 1 && Files.size(done.get(0)) > 0 ? done.get(0) : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
