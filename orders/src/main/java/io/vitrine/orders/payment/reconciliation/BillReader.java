package io.vitrine.orders.payment.reconciliation;

import java.io.InputStream;

/**
 * Reads the zip Alipay serves from {@code bill_download_url} into an {@link AlipayBill}, or refuses it whole with
 * {@link MalformedBillException} when it cannot be trusted as read.
 */
public interface BillReader {

    /** The bill in the zip; the stream is read as far as needed, not closed. */
    AlipayBill read(InputStream zipped);
}
