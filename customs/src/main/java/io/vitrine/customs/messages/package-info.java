/**
 * The customs messages of cross-border retail import (domain.md "Customs message standard (CEB)"): the records of
 * CEB311 (order), CEB621 (inventory list), CEB623 (cancellation), CEB625 (return request), their receipts
 * CEB312/622/624/626 and the CEB816 tax bill; {@link io.vitrine.customs.messages.CebWriter} writes them in the
 * standard's element order, {@link io.vitrine.customs.messages.CebReader} reads them (and the variants found in the
 * wild) without DTDs or external entities; {@link io.vitrine.customs.messages.Declarations} builds them from plain
 * order facts; {@link io.vitrine.customs.messages.MessageRules} names what a message breaks.
 */
package io.vitrine.customs.messages;
