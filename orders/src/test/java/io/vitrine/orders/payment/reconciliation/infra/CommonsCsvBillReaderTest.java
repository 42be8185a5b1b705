package io.vitrine.orders.payment.reconciliation.infra;

import io.vitrine.orders.payment.reconciliation.AlipayBill;
import io.vitrine.orders.payment.reconciliation.MalformedBillException;
import io.vitrine.orders.payment.reconciliation.PaymentEntry;
import io.vitrine.orders.payment.reconciliation.Totals;

import io.vitrine.kernel.money.Money;
import org.junit.jupiter.api.Test;

import static io.vitrine.orders.payment.reconciliation.BillFiles.GBK;
import static io.vitrine.orders.payment.reconciliation.BillFiles.HEADER;
import static io.vitrine.orders.payment.reconciliation.BillFiles.bill;
import static io.vitrine.orders.payment.reconciliation.BillFiles.gbkBill;
import static io.vitrine.orders.payment.reconciliation.BillFiles.row;
import static io.vitrine.orders.payment.reconciliation.BillFiles.zip;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading Alipay's bill zip: GBK, comments around the rows, the footer's counts, and every way it can be wrong. */
class CommonsCsvBillReaderTest {

    static AlipayBill read(byte[] zip) {
        return new CommonsCsvBillReader().read(new ByteArrayInputStream(zip));
    }

    @Test
    void reads_payments_and_refunds_of_a_gbk_bill_with_refund_amounts_turned_positive() {
        AlipayBill bill = read(gbkBill(bill(row("2026112922001", "V261129000000001", "交易", "12.34", "")
                + row("2026112922002", "V261129000000002", "交易", "5000.00", "")
                + row("2026112922002", "V261129000000002", "退款", "-100.50", "R1"), 2, 1)));

        assertThat(bill.account()).isEqualTo("2021000000001234");
        assertThat(bill.entries()).containsExactly(
                PaymentEntry.payment("V261129000000001", "2026112922001", Money.parse("12.34")),
                PaymentEntry.payment("V261129000000002", "2026112922002", Money.parse("5000.00")),
                PaymentEntry.refund("V261129000000002", "2026112922002", "R1", Money.parse("100.50")));
        assertThat(bill.totals()).isEqualTo(new Totals(2, Money.parse("5012.34"), 1, Money.parse("100.50")));
        assertThat(bill.totals().net()).isEqualTo(Money.parse("4911.84"));
    }

    @Test
    void an_empty_day_is_a_bill_with_no_lines() {
        assertThat(read(gbkBill(bill("", 0, 0))).entries()).isEmpty();
    }

    @Test
    void the_bill_is_decoded_as_gbk_the_same_bytes_read_as_utf8_are_refused() {
        String csv = bill(row("2026112922001", "V261129000000001", "交易", "12.34", ""), 1, 0);
        assertThat(read(gbkBill(csv)).entries()).hasSize(1);
        // a bill written in UTF-8 is not Alipay's: its Chinese header does not decode as GBK, so no column is found
        assertThatThrownBy(() -> read(zip("x_业务明细.csv", csv.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(MalformedBillException.class).hasMessageContaining("no column");
    }

    @Test
    void the_summary_csv_is_skipped_for_the_detail_csv() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, GBK)) {
            zip.putNextEntry(new ZipEntry("2021000000001234_20261129_业务明细(汇总).csv"));
            zip.write("#汇总\n门店编号,门店名称\n".getBytes(GBK));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("2021000000001234_20261129_业务明细.csv"));
            zip.write(bill(row("2026112922001", "V261129000000001", "交易", "1.00", ""), 1, 0).getBytes(GBK));
            zip.closeEntry();
        }
        assertThat(read(bytes.toByteArray()).entries()).hasSize(1);
    }

    @Test
    void malformed_bills_are_refused_whole_with_the_reason() {
        String good = row("2026112922001", "V261129000000001", "交易", "12.34", "");
        assertThatThrownBy(() -> read("not a zip at all".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedBillException.class).hasMessageContaining("no detail CSV");
        assertThatThrownBy(() -> read(zip("readme.txt", "hello".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(MalformedBillException.class).hasMessageContaining("no detail CSV");
        assertThatThrownBy(() -> read(gbkBill(bill(good, 2, 0))))
                .as("a footer counting more lines than the bill holds: cut off")
                .isInstanceOf(MalformedBillException.class).hasMessageContaining("declares 2 payments and 0 refunds, its lines hold 1 and 0");
        String cutOff = bill(good, 1, 0);
        assertThatThrownBy(() -> read(gbkBill(cutOff.substring(0, cutOff.indexOf("#-----", cutOff.indexOf(HEADER))))))
                .isInstanceOf(MalformedBillException.class).hasMessageContaining("no footer");
        assertThatThrownBy(() -> read(gbkBill(bill(row("1", "V1", "交易", "12.345", ""), 1, 0))))
                .isInstanceOf(MalformedBillException.class).hasMessageContaining("line 1 has the amount '12.345'");
        assertThatThrownBy(() -> read(gbkBill(bill(row("1", "V1", "转账", "1.00", ""), 1, 0))))
                .isInstanceOf(MalformedBillException.class).hasMessageContaining("unknown 业务类型 '转账'");
        assertThatThrownBy(() -> read(gbkBill(bill(row("1", "V1", "退款", "-1.00", ""), 0, 1))))
                .isInstanceOf(MalformedBillException.class).hasMessageContaining("out_request_no");
        assertThatThrownBy(() -> read(gbkBill(bill("1,V1,交易,short\n", 1, 0))))
                .isInstanceOf(MalformedBillException.class).hasMessageContaining("has 4 fields");
        assertThatThrownBy(() -> read(gbkBill(bill(good, 1, 0).replace("订单金额（元）", "金额"))))
                .isInstanceOf(MalformedBillException.class).hasMessageContaining("no column 订单金额（元）");
    }
}
