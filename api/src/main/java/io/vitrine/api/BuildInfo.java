package io.vitrine.api;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** What release is running: the Maven version, written into the jar at build time. */
@Singleton
public final class BuildInfo {

    private final String version;

    BuildInfo() {
        Properties build = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/META-INF/vitrine/build.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.version = build.getProperty("version", "dev");
    }

    public String version() {
        return version;
    }
}
