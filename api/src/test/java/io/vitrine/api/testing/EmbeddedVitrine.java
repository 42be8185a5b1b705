package io.vitrine.api.testing;


/**
 * The application in its embedded default: H2 file database, in-process cache, Lucene, local files, all in
 * a temporary data directory. Use with {@code @ExtendWith(EmbeddedVitrine.class)} and a
 * {@link RunningVitrine} parameter.
 */
public final class EmbeddedVitrine extends SharedVitrine {

    public EmbeddedVitrine() {
        super("embedded", () -> RunningVitrine.start("embedded", PlatformAdmin.properties()));
    }
}
