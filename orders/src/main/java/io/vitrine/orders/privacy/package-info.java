/**
 * Personal data retention (architecture.md "Personal data"): a finished order's buyer and consignee data are erased
 * once its retention period has passed; what customs requires to be kept — the declared messages, archived
 * encrypted by the customs module — is not the orders module's to erase.
 */
package io.vitrine.orders.privacy;
