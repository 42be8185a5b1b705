package io.vitrine.orders.payment.reconciliation.infra;

import io.vitrine.kernel.money.Money;
import io.vitrine.orders.payment.reconciliation.AlipayBill;
import io.vitrine.orders.payment.reconciliation.BillReader;
import io.vitrine.orders.payment.reconciliation.EntryKind;
import io.vitrine.orders.payment.reconciliation.MalformedBillException;
import io.vitrine.orders.payment.reconciliation.PaymentEntry;
import io.vitrine.orders.payment.reconciliation.Totals;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads the zip Alipay serves from {@code bill_download_url}: the detail CSV ("…业务明细.csv", not the "…(汇总)"
 * summary), GBK, '#' comment lines before the header and after the rows, one 交易 or 退款 row each. Streams: the
 * CSV is parsed as it is unzipped, one record at a time (Commons CSV).
 *
 * <p>A bill that cannot be trusted as read is refused whole with {@link MalformedBillException}: the footer's
 * {@code #交易合计：N笔，退款合计：M笔} must match the rows read, so a cut-off download never passes as a short day.
 */
@Singleton
class CommonsCsvBillReader implements BillReader {

    static final Charset GBK = Charset.forName("GBK");
    static final String TRADE_NO = "支付宝交易号";
    static final String OUT_TRADE_NO = "商户订单号";
    static final String KIND = "业务类型";
    static final String AMOUNT = "订单金额（元）";
    static final String REFUND_REQUEST_NO = "退款批次号/请求号";
    private static final Set<String> COLUMNS = Set.of(TRADE_NO, OUT_TRADE_NO, KIND, AMOUNT, REFUND_REQUEST_NO);
    private static final Pattern ACCOUNT = Pattern.compile("账号：\\[([^\\]]*)]");
    private static final Pattern FOOTER = Pattern.compile("交易合计：(\\d+)笔，退款合计：(\\d+)笔");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setCommentMarker('#')
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .get();

    @Override
    public AlipayBill read(InputStream zipped) {
        try {
            ZipInputStream zip = new ZipInputStream(zipped, GBK);
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().endsWith("业务明细.csv")) {
                    return readCsv(new InputStreamReader(zip, GBK));
                }
            }
            throw new MalformedBillException("the bill zip holds no detail CSV (…业务明细.csv)");
        } catch (ZipException e) {
            throw new MalformedBillException("the bill is not a readable zip: " + e.getMessage(), e);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new MalformedBillException("the bill could not be read: " + e.getMessage(), e);
        }
    }

    /** The detail CSV itself (already decoded). */
    static AlipayBill readCsv(Reader csv) throws IOException {
        CSVParser parser = FORMAT.parse(csv);
        List<String> header = parser.getHeaderNames();
        for (String column : COLUMNS) {
            if (!header.contains(column)) {
                throw new MalformedBillException("the bill has no column " + column + " (not a GBK 业务明细 bill?)");
            }
        }
        String account = parser.hasHeaderComment() ? match(ACCOUNT, parser.getHeaderComment(), 1) : null;
        List<PaymentEntry> entries = new ArrayList<>();
        for (CSVRecord row : parser) {
            entries.add(entry(row));
        }
        checkFooter(parser, entries);
        return new AlipayBill(account == null ? "" : account, entries);
    }

    private static PaymentEntry entry(CSVRecord row) {
        if (!row.isConsistent()) {
            throw new MalformedBillException("bill line " + row.getRecordNumber() + " has " + row.size()
                    + " fields, the header " + row.getParser().getHeaderNames().size());
        }
        String kind = row.get(KIND);
        Money amount = amount(row);
        try {
            if (EntryKind.PAYMENT.billText().equals(kind)) {
                return PaymentEntry.payment(row.get(OUT_TRADE_NO), blankToNull(row.get(TRADE_NO)), amount);
            }
            if (EntryKind.REFUND.billText().equals(kind)) {
                return PaymentEntry.refund(row.get(OUT_TRADE_NO), blankToNull(row.get(TRADE_NO)),
                        row.get(REFUND_REQUEST_NO), amount.negate().max(amount));
            }
        } catch (IllegalArgumentException e) {
            throw new MalformedBillException("bill line " + row.getRecordNumber() + ": " + e.getMessage(), e);
        }
        throw new MalformedBillException("bill line " + row.getRecordNumber() + " has the unknown 业务类型 '" + kind + "'");
    }

    private static Money amount(CSVRecord row) {
        String text = row.get(AMOUNT);
        try {
            return Money.parse(text);
        } catch (RuntimeException e) {
            throw new MalformedBillException("bill line " + row.getRecordNumber() + " has the amount '" + text
                    + "', not yuan to the fen", e);
        }
    }

    private static void checkFooter(CSVParser parser, List<PaymentEntry> entries) {
        String footer = parser.hasTrailerComment() ? parser.getTrailerComment() : "";
        Matcher counts = FOOTER.matcher(footer);
        if (!counts.find()) {
            throw new MalformedBillException("the bill has no footer (#交易合计：N笔，退款合计：M笔): cut off?");
        }
        Totals read = Totals.of(entries);
        int payments = Integer.parseInt(counts.group(1));
        int refunds = Integer.parseInt(counts.group(2));
        if (payments != read.payments() || refunds != read.refunds()) {
            throw new MalformedBillException("the bill's footer declares " + payments + " payments and " + refunds
                    + " refunds, its lines hold " + read.payments() + " and " + read.refunds());
        }
    }

    private static String match(Pattern pattern, String text, int group) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(group) : null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
