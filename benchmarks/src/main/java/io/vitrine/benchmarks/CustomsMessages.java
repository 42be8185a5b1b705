package io.vitrine.benchmarks;

import java.nio.charset.StandardCharsets;

/** A typical unsigned CEB311 of a kiosk sale: one order head, three lines, BaseTransfer (about 3 KB). */
final class CustomsMessages {

    static final byte[] ORDER = order();

    private CustomsMessages() {
    }

    static byte[] order() {
        StringBuilder lines = new StringBuilder();
        for (int gnum = 1; gnum <= 3; gnum++) {
            lines.append("""
                            <ceb:OrderList>
                                <ceb:gnum>%d</ceb:gnum>
                                <ceb:itemNo>SKU-00%d</ceb:itemNo>
                                <ceb:itemName>澳洲进口全脂奶粉 900g</ceb:itemName>
                                <ceb:gmodel>900克/罐</ceb:gmodel>
                                <ceb:barCode>9300000000%03d</ceb:barCode>
                                <ceb:unit>122</ceb:unit>
                                <ceb:qty>2</ceb:qty>
                                <ceb:price>199.00000</ceb:price>
                                <ceb:totalPrice>398.00000</ceb:totalPrice>
                                <ceb:currency>142</ceb:currency>
                                <ceb:country>601</ceb:country>
                            </ceb:OrderList>
                    """.formatted(gnum, gnum, gnum));
        }
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <ceb:CEB311Message guid="0190F3A2-5B7C-7D1E-8F90-A1B2C3D4E5F6" version="1.0" xmlns:ceb="http://www.chinaport.gov.cn/ceb" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                    <ceb:Order>
                        <ceb:OrderHead>
                            <ceb:guid>0190F3A2-5B7C-7D1E-8F90-A1B2C3D4E5F6</ceb:guid>
                            <ceb:appType>1</ceb:appType>
                            <ceb:appTime>20261130180000</ceb:appTime>
                            <ceb:appStatus>2</ceb:appStatus>
                            <ceb:orderType>I</ceb:orderType>
                            <ceb:orderNo>VT2026113000001</ceb:orderNo>
                            <ceb:ebpCode>1401960001</ceb:ebpCode>
                            <ceb:ebpName>太原综保区展示平台</ceb:ebpName>
                            <ceb:ebcCode>1401960002</ceb:ebcCode>
                            <ceb:ebcName>维特琳跨境电商有限公司</ceb:ebcName>
                            <ceb:goodsValue>1194.00000</ceb:goodsValue>
                            <ceb:freight>0</ceb:freight>
                            <ceb:discount>0</ceb:discount>
                            <ceb:taxTotal>109.84800</ceb:taxTotal>
                            <ceb:acturalPaid>1303.84800</ceb:acturalPaid>
                            <ceb:currency>142</ceb:currency>
                            <ceb:buyerRegNo>buyer-0001</ceb:buyerRegNo>
                            <ceb:buyerName>张三</ceb:buyerName>
                            <ceb:buyerTelephone>13800000000</ceb:buyerTelephone>
                            <ceb:buyerIdType>1</ceb:buyerIdType>
                            <ceb:buyerIdNumber>110101199001011237</ceb:buyerIdNumber>
                            <ceb:payCode>312226T001</ceb:payCode>
                            <ceb:payName>支付宝（中国）网络技术有限公司</ceb:payName>
                            <ceb:payTransactionId>2026113022001400000000000001</ceb:payTransactionId>
                            <ceb:consignee>张三</ceb:consignee>
                            <ceb:consigneeTelephone>13800000000</ceb:consigneeTelephone>
                            <ceb:consigneeAddress>山西省太原市小店区示范路 1 号</ceb:consigneeAddress>
                            <ceb:consigneeDitrict>140105</ceb:consigneeDitrict>
                        </ceb:OrderHead>
                %s        </ceb:Order>
                    <ceb:BaseTransfer>
                        <ceb:copCode>1401960001</ceb:copCode>
                        <ceb:copName>维特琳跨境电商有限公司</ceb:copName>
                        <ceb:dxpMode>DXP</ceb:dxpMode>
                        <ceb:dxpId>DXPENT0000012345</ceb:dxpId>
                    </ceb:BaseTransfer>
                </ceb:CEB311Message>
                """).formatted(lines).getBytes(StandardCharsets.UTF_8);
    }
}
