package io.vitrine.orders.returns;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A photo attached to a return (the shopper's evidence of a damaged or wrong item): {@code id} is the file storage's
 * generated id, the only name the photo is ever stored or served under.
 *
 * @param contentType established from the bytes ({@code image/jpeg}, {@code image/png}, {@code image/webp})
 * @param addedBy     {@code shopper}, or the staff id of whoever attached it at the counter
 */
@Serdeable
public record ReturnPhoto(String id, String returnNo, String contentType, long size, Instant createdAt,
                          String addedBy) {
}
