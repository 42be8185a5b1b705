package io.vitrine.orders.payment.reconciliation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Bills as Alipay writes them (GBK CSV "业务明细" in a zip), made by hand for the reader's and the run's tests. */
public final class BillFiles {

    private BillFiles() {
    }

    public static final Charset GBK = Charset.forName("GBK");
    public static final String HEADER = "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,"
            + "对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,"
            + "券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注";

    public static String row(String tradeNo, String outTradeNo, String kind, String amount, String requestNo) {
        return String.join(",", tradeNo, outTradeNo, kind, "奶粉 900克", "2026-11-29 10:00:00", "2026-11-29 10:01:00", "",
                "", "", "", "159****5620", amount, amount, "0.00", "0.00", "0.00", "0.00", "0.00", "", "0.00", "0.00",
                requestNo, "0.00", "0.00", "") + "\n";
    }

    public static String bill(String rows, int payments, int refunds) {
        return "#支付宝业务明细查询\n#账号：[2021000000001234]\n"
                + "#起始日期：[2026-11-29 00:00:00]   终止日期：[2026-11-30 00:00:00]\n"
                + "#-----------------------------------------业务明细列表----------------------------------------\n"
                + HEADER + "\n" + rows
                + "#-----------------------------------------业务明细列表结束------------------------------------\n"
                + "#交易合计：" + payments + "笔，退款合计：" + refunds + "笔\n#导出时间：[2026-11-30 09:00:00]\n";
    }

    public static byte[] zip(String entryName, byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, GBK)) {
            zip.putNextEntry(new ZipEntry(entryName));
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] gbkBill(String csv) {
        return zip("2021000000001234_20261129_业务明细.csv", csv.getBytes(GBK));
    }

}
