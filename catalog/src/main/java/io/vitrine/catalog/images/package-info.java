/**
 * Product images: a retailer admin uploads a PNG or JPEG ({@code ProductImages.upload}); its header is checked
 * against decompression bombs before anything is decoded, a thumbnail and a medium rendition are made from it
 * (re-encoded, so no metadata survives) and everything is kept in the kernel's file storage; products list the
 * image's id. Shoppers fetch them by URL ({@code ImageUrls}).
 */
package io.vitrine.catalog.images;
