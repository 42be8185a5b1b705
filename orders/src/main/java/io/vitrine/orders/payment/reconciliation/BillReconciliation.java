package io.vitrine.orders.payment.reconciliation;

import io.micronaut.context.annotation.Requires;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.payment.PaymentGateway;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Reconciles one tenant's China day: asks Alipay where the day's bill is, downloads and reads it, compares it with
 * {@link ExpectedPayments} and keeps the report. Run it again for the same day at any time (the daily schedule does,
 * and staff may): the new report replaces the old one. A run that cannot get or read the bill is kept as
 * {@link ReconciliationOutcome#FAILED} with the reason, so a missing reconciliation never looks like a clean one.
 */
@Singleton
@Requires(beans = ExpectedPayments.class)
public class BillReconciliation {

    private static final Logger LOG = LoggerFactory.getLogger(BillReconciliation.class);

    private final PaymentGateway gateway;
    private final BillDownloads downloads;
    private final BillReader reader;
    private final ExpectedPayments expected;
    private final ReconciliationReports reports;
    private final Ids ids;
    private final Clock clock;

    BillReconciliation(PaymentGateway gateway, BillDownloads downloads, BillReader reader, ExpectedPayments expected,
                       ReconciliationReports reports, Ids ids, Clock clock) {
        this.gateway = gateway;
        this.downloads = downloads;
        this.reader = reader;
        this.expected = expected;
        this.reports = reports;
        this.ids = ids;
        this.clock = clock;
    }

    /** Runs the reconciliation of {@code day} for the tenant now, and keeps and answers its report. */
    public ReconciliationReport run(TenantId tenant, LocalDate day) {
        ReconciliationReport report;
        try {
            AlipayBill bill = bill(tenant, day);
            List<ExpectedPayment> ours = expected.on(tenant, day);
            report = ReconciliationReport.compared(ids.nextId(), tenant, day, ranAt(), bill,
                    BillComparison.compare(bill, ours));
            LOG.info("alipay bill reconciliation tenant={} day={} outcome={} matched={} differences={}", tenant, day,
                    report.outcome(), report.matched(), report.differences().size());
        } catch (RuntimeException e) {
            LOG.warn("alipay bill reconciliation tenant={} day={} failed: {}", tenant, day, e.getMessage());
            report = ReconciliationReport.failed(ids.nextId(), tenant, day, ranAt(), failure(e));
        }
        reports.save(report);
        return report;
    }

    /** The last report of the tenant's day, if it was ever run. */
    public Optional<ReconciliationReport> report(TenantId tenant, LocalDate day) {
        return reports.find(tenant, day);
    }

    private AlipayBill bill(TenantId tenant, LocalDate day) {
        URI url = gateway.billDownloadUrl(tenant, day);
        try (InputStream zip = downloads.open(url)) {
            return reader.read(zip);
        } catch (IOException e) {
            throw new MalformedBillException("the bill could not be downloaded: " + e.getMessage(), e);
        }
    }

    /** To the microsecond, as the database keeps it. */
    private Instant ranAt() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String failure(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 1000 ? message.substring(0, 1000) : message;
    }
}
