package io.vitrine.orders.payment.reconciliation;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/** Fetches the bill from the address Alipay gave ({@code PaymentGateway.billDownloadUrl}). */
public interface BillDownloads {

    /** The bill's bytes as they arrive; the caller closes the stream. */
    InputStream open(URI billUrl) throws IOException;
}
