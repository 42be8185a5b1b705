/**
 * The declaration of a paid cross-border order to customs (issue #6): one {@link
 * io.vitrine.customs.declaration.Declaration} per order, its messages (stable guid, stored before sending) and
 * receipts, and {@link io.vitrine.customs.declaration.DeclarationStatus}, the one table of what a receipt may move
 * it to. Adapters (JDBC) live in {@code infra}.
 */
package io.vitrine.customs.declaration;
