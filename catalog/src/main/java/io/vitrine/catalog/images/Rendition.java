package io.vitrine.catalog.images;

/** One stored rendition of an image: the file holding it and its dimensions. */
public record Rendition(String fileId, int width, int height) {
}
