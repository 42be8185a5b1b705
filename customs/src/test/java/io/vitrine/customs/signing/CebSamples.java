package io.vitrine.customs.signing;

import java.nio.charset.StandardCharsets;

/** A small unsigned CEB311 in the shape of domain.md, with indentation and Chinese text like the real ones. */
public final class CebSamples {

    public static final String GUID = "0190F3A2-5B7C-7D1E-8F90-A1B2C3D4E5F6";

    private CebSamples() {
    }

    public static byte[] unsignedOrder() {
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <ceb:CEB311Message guid="%s" version="1.0" xmlns:ceb="http://www.chinaport.gov.cn/ceb" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                    <ceb:Order>
                        <ceb:OrderHead>
                            <ceb:guid>%s</ceb:guid>
                            <ceb:appType>1</ceb:appType>
                            <ceb:appTime>20261130180000</ceb:appTime>
                            <ceb:appStatus>2</ceb:appStatus>
                            <ceb:orderType>I</ceb:orderType>
                            <ceb:orderNo>VT2026113000001</ceb:orderNo>
                            <ceb:ebpName>太原综保区展示平台</ceb:ebpName>
                            <ceb:goodsValue>199.00000</ceb:goodsValue>
                            <ceb:note>a &amp; b &lt; c</ceb:note>
                        </ceb:OrderHead>
                    </ceb:Order>
                    <ceb:BaseTransfer>
                        <ceb:copCode>1401960001</ceb:copCode>
                        <ceb:copName>维特琳跨境电商有限公司</ceb:copName>
                        <ceb:dxpMode>DXP</ceb:dxpMode>
                        <ceb:dxpId>DXPENT0000012345</ceb:dxpId>
                        <ceb:note/>
                    </ceb:BaseTransfer>
                </ceb:CEB311Message>
                """).formatted(GUID, GUID).getBytes(StandardCharsets.UTF_8);
    }
}
