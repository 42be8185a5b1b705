package io.vitrine.kernel.files;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/** An opened file: its description and its bytes. Close it. */
public record FileContent(StoredFile file, InputStream stream) implements Closeable {

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
