package io.vitrine.tools.fakealipay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A day's bill the way Alipay serves it from {@code bill_download_url}: a zip holding a GBK CSV
 * "业务明细" with '#' comment lines around a header and one row per payment (交易) and refund (退款)
 * completed that China day.
 */
final class Bills {

    static final Charset GBK = Charset.forName("GBK");
    static final String HEADER = "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,"
            + "对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,"
            + "券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注";

    private Bills() {
    }

    static byte[] zip(String appId, LocalDate day, List<FakeTrade> trades, String exportedAt) {
        String csv = csv(appId, day, trades, exportedAt);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, GBK)) {
            zip.putNextEntry(new ZipEntry(appId + "_" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "_业务明细.csv"));
            zip.write(csv.getBytes(GBK));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String csv(String appId, LocalDate day, List<FakeTrade> trades, String exportedAt) {
        String date = day.toString();
        StringBuilder out = new StringBuilder()
                .append("#支付宝业务明细查询\n")
                .append("#账号：[").append(appId).append("]\n")
                .append("#起始日期：[").append(date).append(" 00:00:00]   终止日期：[").append(day.plusDays(1)).append(" 00:00:00]\n")
                .append("#-----------------------------------------业务明细列表----------------------------------------\n")
                .append(HEADER).append('\n');
        int payments = 0;
        int refunds = 0;
        for (FakeTrade trade : trades.stream().filter(t -> t.appId().equals(appId))
                .sorted(java.util.Comparator.comparing(FakeTrade::outTradeNo)).toList()) {
            if (trade.paidAt() != null && trade.paidAt().startsWith(date)) {
                row(out, trade, "交易", trade.createdAt(), trade.paidAt(), trade.totalAmount(), "");
                payments++;
            }
            for (FakeTrade.Refund refund : trade.refunds()) {
                if (refund.at().startsWith(date)) {
                    row(out, trade, "退款", trade.createdAt(), refund.at(), refund.amount().negate(), refund.outRequestNo());
                    refunds++;
                }
            }
        }
        return out.append("#-----------------------------------------业务明细列表结束------------------------------------\n")
                .append("#交易合计：").append(payments).append("笔，退款合计：").append(refunds).append("笔\n")
                .append("#导出时间：[").append(exportedAt).append("]\n")
                .toString();
    }

    private static void row(StringBuilder out, FakeTrade trade, String kind, String created, String completed,
                            BigDecimal amount, String refundRequestNo) {
        String money = amount.toPlainString();
        out.append(String.join(",", trade.tradeNo(), trade.outTradeNo(), kind, trade.subject().replace(',', '，'),
                created, completed, "", "", "", "", "159****5620", money, money, "0.00", "0.00", "0.00", "0.00",
                "0.00", "", "0.00", "0.00", refundRequestNo, "0.00", "0.00", "")).append('\n');
    }
}
