package io.vitrine.api.tenants;

import io.vitrine.api.catalog.CatalogSamples;
import io.vitrine.api.catalog.ProductImports;
import io.vitrine.api.catalog.SampleImages;
import io.vitrine.api.tenants.TenantsApi.Application;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.tenants.TenantsApi.Park;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.vitrine.api.tenants.TenantsApi.items;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The isolation walk (issue #3 "Isolation"): signed in as tenant A, call every endpoint with tenant B's
 * slugs and ids, and find nothing: 404, never 403, never B's data. Every later endpoint that takes a
 * tenant's id, code or slug adds its probes to {@link #PROBES}.
 */
@ExtendWith(EmbeddedVitrine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationWalkTest {

    /**
     * Who calls: A's park admin, A's retailer admin, an applicant of A's park holding B's token, or a POS of A's store
     * (device-signed, with an Idempotency-Key), or A's logistics partner (device-signed).
     */
    enum Caller { PARK_ADMIN_A, RETAILER_ADMIN_A, PUBLIC, POS_A, PARTNER_A }

    /**
     * One call of tenant A at tenant B's resources. Placeholders: {parkA} {parkB} (slugs), {appB} (B's open
     * application), {tokenB} (its applicant token), {docB} (its document), {storeB} (a store code only B has),
     * {deviceB} (B's POS device key), {skuB} (a product SKU only B has), {staffB} (B's retailer admin's
     * username), {parkAdminB} (B's park admin's username).
     * {memberA} / {memberB} (the slugs of A's and B's merchants; A's is also A's storefront), {gtinB} (the
     * barcode of B's product), {imageB} (an image B uploaded).
     * {jobB} (B's store import job, its new credentials not downloaded yet). {reconDayB} (a day B reconciled).
     * {alertB} (an alert of B's). {returnB} (a return of B's order), {photoB} (a photo of it).
     * PHOTO is a multipart upload of a PNG in part {@code photo}.
     * Methods PAGE and FORM are console pages: a GET, and a form POST; SHOP is a storefront page (an anonymous GET),
     * SHOP_FORM a storefront page's form (an anonymous form POST) and SHOP_PHOTO its photo form (multipart, part
     * {@code photo}): 404, page or problem+json; SHOP_FRAME the order page, a frame any well-formed number gets (200
     * or 404) that must hold nothing of B's.
     */
    record Probe(String name, Caller caller, String method, String path, Map<String, Object> body) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Probe> PROBES = List.of(
            new Probe("B's review queue", Caller.PARK_ADMIN_A, "GET", "/api/v1/parks/{parkB}/applications", null),
            new Probe("B's application under B's slug", Caller.PARK_ADMIN_A, "GET", "/api/v1/parks/{parkB}/applications/{appB}", null),
            new Probe("B's application under A's slug", Caller.PARK_ADMIN_A, "GET", "/api/v1/parks/{parkA}/applications/{appB}", null),
            new Probe("approve B's application under B's slug", Caller.PARK_ADMIN_A, "POST", "/api/v1/parks/{parkB}/applications/{appB}/approve", null),
            new Probe("approve B's application under A's slug", Caller.PARK_ADMIN_A, "POST", "/api/v1/parks/{parkA}/applications/{appB}/approve", null),
            new Probe("reject B's application under B's slug", Caller.PARK_ADMIN_A, "POST", "/api/v1/parks/{parkB}/applications/{appB}/reject", Map.of("reason", "walk")),
            new Probe("reject B's application under A's slug", Caller.PARK_ADMIN_A, "POST", "/api/v1/parks/{parkA}/applications/{appB}/reject", Map.of("reason", "walk")),
            new Probe("B's document under B's slug", Caller.PARK_ADMIN_A, "GET", "/api/v1/parks/{parkB}/applications/{appB}/documents/{docB}", null),
            new Probe("B's document under A's slug", Caller.PARK_ADMIN_A, "GET", "/api/v1/parks/{parkA}/applications/{appB}/documents/{docB}", null),
            new Probe("B's member tenants", Caller.PARK_ADMIN_A, "GET", "/api/v1/parks/{parkB}/tenants", null),
            new Probe("register a warehouse in B", Caller.PARK_ADMIN_A, "POST", "/api/v1/parks/{parkB}/warehouses",
                    Map.of("code", "WALK", "name", "walk", "emsNo", "T1", "customsCode", "5349", "areaCode", "A1",
                            "operatorUscc", "91350211MA2YQJ6L3H")),
            new Probe("B's warehouses (park admin)", Caller.PARK_ADMIN_A, "GET", "/api/v1/parks/{parkB}/warehouses", null),
            new Probe("B's warehouses (merchant of A)", Caller.RETAILER_ADMIN_A, "GET", "/api/v1/parks/{parkB}/warehouses", null),
            new Probe("B's display accounts (park admin)", Caller.PARK_ADMIN_A, "GET", "/api/v1/display/parks/{parkB}/accounts", null),
            new Probe("B's member's display accounts under A's slug", Caller.PARK_ADMIN_A, "GET", "/api/v1/display/parks/{parkA}/accounts?member={memberB}", null),
            new Probe("B's display report (park admin)", Caller.PARK_ADMIN_A, "GET", "/api/v1/display/parks/{parkB}/report?format=csv", null),
            new Probe("a display account at B's store", Caller.RETAILER_ADMIN_A, "POST", "/api/v1/display/accounts",
                    Map.of("storeCode", "{storeB}", "guarantee", Map.of("amountFen", 100, "reference", "walk",
                            "expiresOn", "2099-12-31"), "displayFrom", "2026-01-01", "displayTo", "2099-12-31")),
            // {displayB}: B's display account at B-SHOP-1; {flagB}: a risk flag on B's order (park B's review queue)
            new Probe("B's display account", Caller.RETAILER_ADMIN_A, "GET", "/api/v1/display/accounts/{displayB}", null),
            new Probe("renew B's display account", Caller.RETAILER_ADMIN_A, "PUT", "/api/v1/display/accounts/{displayB}",
                    Map.of("guarantee", Map.of("amountFen", 100, "reference", "walk", "expiresOn", "2099-12-31"),
                            "displayFrom", "2026-01-01", "displayTo", "2099-12-31")),
            new Probe("B's display movements", Caller.RETAILER_ADMIN_A, "GET", "/api/v1/display/accounts/{displayB}/movements", null),
            new Probe("a movement on B's display account", Caller.RETAILER_ADMIN_A, "POST",
                    "/api/v1/display/accounts/{displayB}/movements",
                    Map.of("movementKey", "walk-1", "kind", "OUT_FOR_DISPLAY", "sku", "B-SKU-1", "quantity", 1)),
            new Probe("close B's display account", Caller.RETAILER_ADMIN_A, "POST",
                    "/api/v1/display/accounts/{displayB}/close",
                    Map.of("releasedOn", "2026-01-02", "releaseReference", "walk")),
            new Probe("console: B's display account", Caller.RETAILER_ADMIN_A, "PAGE", "/console/display/{displayB}", null),
            new Probe("console: close B's display account", Caller.RETAILER_ADMIN_A, "FORM",
                    "/console/display/{displayB}/close", Map.of("releasedOn", "2026-01-02", "releaseReference", "walk")),
            new Probe("console: a movement on B's display account", Caller.RETAILER_ADMIN_A, "FORM",
                    "/console/display/{displayB}/movements", Map.of("formToken", "walk-console-display-movement",
                            "movementKey", "walk-2", "kind", "OUT_FOR_DISPLAY", "sku", "B-SKU-1", "quantity", "1")),
            new Probe("B's risk flag (park admin of A)", Caller.PARK_ADMIN_A, "GET", "/api/v1/risk/flags/{flagB}", null),
            new Probe("release B's held order (park admin of A)", Caller.PARK_ADMIN_A, "POST",
                    "/api/v1/risk/flags/{flagB}/resolve", Map.of("decision", "RELEASE")),
            new Probe("console: release B's held order", Caller.PARK_ADMIN_A, "FORM", "/console/risk/flags/{flagB}",
                    Map.of("formToken", "walk-console-risk-release", "decision", "RELEASE")),
            new Probe("cancel B's held order (park admin of A)", Caller.PARK_ADMIN_A, "POST",
                    "/api/v1/risk/flags/{flagB}/resolve", Map.of("decision", "CANCEL")),
            new Probe("console: cancel B's held order", Caller.PARK_ADMIN_A, "FORM", "/console/risk/flags/{flagB}",
                    Map.of("formToken", "walk-console-risk-cancel", "decision", "CANCEL")),
            new Probe("B's application status under A's slug with B's token", Caller.PUBLIC, "GET", "/api/v1/parks/{parkA}/applications/{appB}?token={tokenB}", null),
            new Probe("upload to B's application under A's slug with B's token", Caller.PUBLIC, "UPLOAD", "/api/v1/parks/{parkA}/applications/{appB}/documents", null),
            new Probe("B's store", Caller.RETAILER_ADMIN_A, "GET", "/api/v1/stores/{storeB}", null),
            new Probe("change B's store", Caller.RETAILER_ADMIN_A, "PUT", "/api/v1/stores/{storeB}",
                    Map.of("name", "taken over", "kind", "CONVENIENCE_STORE", "address", "x", "district", "440305",
                            "warehouseCode", "A-01")),
            new Probe("rotate B's device", Caller.RETAILER_ADMIN_A, "POST", "/api/v1/devices/{deviceB}/rotate", null),
            new Probe("revoke B's device", Caller.RETAILER_ADMIN_A, "DELETE", "/api/v1/devices/{deviceB}", null),
            new Probe("register a device in B's store", Caller.RETAILER_ADMIN_A, "POST", "/api/v1/devices",
                    Map.of("storeCode", "B-SHOP-1", "kind", "POS")),
            new Probe("B's product", Caller.RETAILER_ADMIN_A, "GET", "/api/v1/products/{skuB}", null),
            new Probe("change B's product", Caller.RETAILER_ADMIN_A, "PUT", "/api/v1/products/{skuB}",
                    CatalogSamples.formula("B-SKU-1", "A-01")),
            new Probe("delete B's product", Caller.RETAILER_ADMIN_A, "DELETE", "/api/v1/products/{skuB}", null),
            new Probe("disable B's retailer admin", Caller.RETAILER_ADMIN_A, "POST", "/api/v1/staff/{staffB}/disable", null),
            new Probe("enable B's retailer admin", Caller.RETAILER_ADMIN_A, "POST", "/api/v1/staff/{staffB}/enable", null),
            new Probe("disable B's park admin", Caller.PARK_ADMIN_A, "POST", "/api/v1/staff/{parkAdminB}/disable", null),
            new Probe("disable B's retailer admin (park admin)", Caller.PARK_ADMIN_A, "POST", "/api/v1/staff/{staffB}/disable", null),
            // the consoles (io.vitrine.api.console): the same ids in page addresses; their 404 is a page
            new Probe("console: B's application", Caller.PARK_ADMIN_A, "PAGE", "/console/park/applications/{appB}", null),
            new Probe("console: B's document", Caller.PARK_ADMIN_A, "PAGE", "/console/park/applications/{appB}/documents/{docB}", null),
            new Probe("console: approve B's application", Caller.PARK_ADMIN_A, "FORM", "/console/park/applications/{appB}/approve", Map.of()),
            new Probe("console: reject B's application", Caller.PARK_ADMIN_A, "FORM", "/console/park/applications/{appB}/reject",
                    Map.of("reason", "walk")),
            new Probe("console: B's store", Caller.RETAILER_ADMIN_A, "PAGE", "/console/stores/{storeB}", null),
            new Probe("console: change B's store", Caller.RETAILER_ADMIN_A, "FORM", "/console/stores/{storeB}",
                    Map.of("name", "taken over", "kind", "CONVENIENCE_STORE", "address", "x", "district", "440305",
                            "warehouseCode", "A-01")),
            new Probe("console: rotate B's device", Caller.RETAILER_ADMIN_A, "FORM", "/console/devices/{deviceB}/rotate", Map.of()),
            new Probe("console: revoke B's device", Caller.RETAILER_ADMIN_A, "FORM", "/console/devices/{deviceB}/revoke", Map.of()),
            new Probe("console: the devices of B's store", Caller.RETAILER_ADMIN_A, "PAGE", "/console/devices?storeCode={storeB}", null),
            new Probe("console: the live devices of B's store", Caller.RETAILER_ADMIN_A, "PAGE",
                    "/console/devices/live?storeCode={storeB}", null),
            new Probe("console: B's member under A's park", Caller.PARK_ADMIN_A, "PAGE", "/console/park/members/{memberB}", null),
            new Probe("console: B's member's stores, page 2, under A's park", Caller.PARK_ADMIN_A, "PAGE",
                    "/console/park/members/{memberB}?page=1", null),
            new Probe("console: B's member's devices under A's park", Caller.PARK_ADMIN_A, "PAGE",
                    "/console/park/members/{memberB}/devices", null),
            new Probe("console: the devices of B's member's store under A's park", Caller.PARK_ADMIN_A, "PAGE",
                    "/console/park/members/{memberB}/devices?storeCode={storeB}", null),
            new Probe("console: suspend B's member under A's park", Caller.PARK_ADMIN_A, "FORM",
                    "/console/park/members/{memberB}/suspend", Map.of("reason", "walk")),
            new Probe("console: reinstate B's member under A's park", Caller.PARK_ADMIN_A, "FORM",
                    "/console/park/members/{memberB}/reinstate", Map.of("reason", "walk")),
            new Probe("the devices of B's store", Caller.RETAILER_ADMIN_A, "GET", "/api/v1/devices?storeCode={storeB}", null),
            new Probe("B's member under B's slug", Caller.PARK_ADMIN_A, "GET", "/api/v1/parks/{parkB}/tenants/{memberB}", null),
            new Probe("B's member under A's slug", Caller.PARK_ADMIN_A, "GET", "/api/v1/parks/{parkA}/tenants/{memberB}", null),
            new Probe("A's member under B's slug", Caller.PARK_ADMIN_A, "GET", "/api/v1/parks/{parkB}/tenants/{memberA}", null),
            new Probe("B's member's stores under B's slug", Caller.PARK_ADMIN_A, "GET", "/api/v1/parks/{parkB}/tenants/{memberB}/stores", null),
            new Probe("B's member's stores under A's slug", Caller.PARK_ADMIN_A, "GET", "/api/v1/parks/{parkA}/tenants/{memberB}/stores", null),
            new Probe("B's member's devices under B's slug", Caller.PARK_ADMIN_A, "GET", "/api/v1/parks/{parkB}/tenants/{memberB}/devices", null),
            new Probe("B's member's devices under A's slug", Caller.PARK_ADMIN_A, "GET", "/api/v1/parks/{parkA}/tenants/{memberB}/devices", null),
            new Probe("suspend B's member under B's slug", Caller.PARK_ADMIN_A, "POST", "/api/v1/parks/{parkB}/tenants/{memberB}/suspend",
                    Map.of("reason", "walk")),
            new Probe("suspend B's member under A's slug", Caller.PARK_ADMIN_A, "POST", "/api/v1/parks/{parkA}/tenants/{memberB}/suspend",
                    Map.of("reason", "walk")),
            new Probe("reinstate B's member under B's slug", Caller.PARK_ADMIN_A, "POST", "/api/v1/parks/{parkB}/tenants/{memberB}/reinstate",
                    Map.of("reason", "walk")),
            new Probe("reinstate B's member under A's slug", Caller.PARK_ADMIN_A, "POST", "/api/v1/parks/{parkA}/tenants/{memberB}/reinstate",
                    Map.of("reason", "walk")),
            new Probe("B's store import job", Caller.RETAILER_ADMIN_A, "GET", "/api/v1/jobs/{jobB}", null),
            new Probe("B's store import credentials", Caller.RETAILER_ADMIN_A, "GET", "/api/v1/jobs/{jobB}/result", null),
            new Probe("B's product import job", Caller.RETAILER_ADMIN_A, "GET", "/api/v1/jobs/{productJobB}", null),
            new Probe("B's stock", Caller.RETAILER_ADMIN_A, "GET", "/api/v1/stock/B-01/{skuB}", null),
            new Probe("B's stock ledger", Caller.RETAILER_ADMIN_A, "GET", "/api/v1/stock/B-01/{skuB}/ledger", null),
            new Probe("B's store stock from POS events", Caller.RETAILER_ADMIN_A, "GET", "/api/v1/stores/{storeB}/store-stock", null),
            new Probe("B's stock reconciliation", Caller.RETAILER_ADMIN_A, "GET", "/api/v1/stores/{storeB}/stock-reconciliation", null),
            new Probe("B's stock reconciliation as CSV", Caller.RETAILER_ADMIN_A, "GET",
                    "/api/v1/stores/{storeB}/stock-reconciliation?format=csv", null),
            new Probe("stock list of B's warehouse", Caller.RETAILER_ADMIN_A, "GET", "/api/v1/stock?warehouseCode=B-01", null),
            new Probe("count B's stock", Caller.RETAILER_ADMIN_A, "PUT", "/api/v1/stock/B-01/{skuB}", Map.of("quantity", 1)),
            new Probe("adjust B's stock", Caller.RETAILER_ADMIN_A, "POST", "/api/v1/stock/B-01/{skuB}/adjustments",
                    Map.of("delta", 1, "reason", "walk")),
            new Probe("count B's product in A's warehouse", Caller.RETAILER_ADMIN_A, "PUT", "/api/v1/stock/A-01/{skuB}",
                    Map.of("quantity", 1)),
            new Probe("B's store assortment", Caller.RETAILER_ADMIN_A, "GET", "/api/v1/stores/{storeB}/assortment", null),
            new Probe("replace B's store assortment", Caller.RETAILER_ADMIN_A, "PUT", "/api/v1/stores/{storeB}/assortment",
                    Map.of("skus", List.of())),
            new Probe("console: B's product", Caller.RETAILER_ADMIN_A, "PAGE", "/console/products/{skuB}", null),
            new Probe("console: change B's product", Caller.RETAILER_ADMIN_A, "FORM", "/console/products/{skuB}",
                    Map.of("nameZh", "taken over", "price", "1.00")),
            new Probe("console: delete B's product", Caller.RETAILER_ADMIN_A, "FORM", "/console/products/{skuB}/delete", Map.of()),
            new Probe("console: B's stock", Caller.RETAILER_ADMIN_A, "PAGE", "/console/stock/B-01/{skuB}", null),
            new Probe("console: B's product in A's warehouse", Caller.RETAILER_ADMIN_A, "PAGE", "/console/stock/A-01/{skuB}", null),
            new Probe("console: stock of B's warehouse", Caller.RETAILER_ADMIN_A, "PAGE", "/console/stock?warehouseCode=B-01", null),
            new Probe("console: count B's stock", Caller.RETAILER_ADMIN_A, "FORM", "/console/stock/A-01/{skuB}/count",
                    Map.of("quantity", "1")),
            new Probe("console: adjust B's stock", Caller.RETAILER_ADMIN_A, "FORM", "/console/stock/B-01/{skuB}/adjust",
                    Map.of("delta", "1", "reason", "walk")),
            new Probe("console: B's store assortment", Caller.RETAILER_ADMIN_A, "PAGE", "/console/stores/{storeB}/assortment", null),
            new Probe("console: change B's store assortment", Caller.RETAILER_ADMIN_A, "FORM", "/console/stores/{storeB}/assortment",
                    Map.of("skus", "B-SKU-1")),
            new Probe("B's product on A's storefront", Caller.PUBLIC, "GET", "/s/{memberA}/api/products/{skuB}", null),
            new Probe("B's barcode on A's storefront", Caller.PUBLIC, "GET", "/s/{memberA}/api/barcode/{gtinB}", null),
            new Probe("B's image", Caller.RETAILER_ADMIN_A, "GET", "/api/v1/images/{imageB}", null),
            new Probe("delete B's image", Caller.RETAILER_ADMIN_A, "DELETE", "/api/v1/images/{imageB}", null),
            new Probe("B's image on A's storefront", Caller.PUBLIC, "GET", "/s/{memberA}/images/{imageB}", null),
            new Probe("B's thumbnail on A's storefront", Caller.PUBLIC, "GET", "/s/{memberA}/images/{imageB}/thumb", null),
            new Probe("B's store's kiosk on A's storefront", Caller.PUBLIC, "SHOP", "/s/{memberA}/kiosk/{storeB}", null),
            new Probe("B's product on A's kiosk of B's store", Caller.PUBLIC, "SHOP", "/s/{memberA}/kiosk/{storeB}/p/{skuB}", null),
            new Probe("B's product page on A's storefront", Caller.PUBLIC, "SHOP", "/s/{memberA}/p/{skuB}", null),
            new Probe("B's product with B's store's stock on A's storefront", Caller.PUBLIC, "SHOP",
                    "/s/{memberA}/p/{skuB}?store={storeB}", null),
            new Probe("B's shelf tag on A's storefront", Caller.PUBLIC, "SHOP", "/s/{memberA}/d/{storeB}/{skuB}", null),
            new Probe("B's store's kiosk cart on A's storefront", Caller.PUBLIC, "SHOP", "/s/{memberA}/kiosk/{storeB}/cart", null),
            new Probe("B's store's kiosk checkout on A's storefront", Caller.PUBLIC, "SHOP",
                    "/s/{memberA}/kiosk/{storeB}/checkout", null),
            // themes: B has a logo, A has none; the theme API has no tenant in its address (the caller's own)
            new Probe("B's logo on A's storefront", Caller.PUBLIC, "GET", "/s/{memberA}/theme/logo", null),
            new Probe("B's cart on A's storefront", Caller.PUBLIC, "GET", "/s/{memberA}/api/carts/{cartB}", null),
            new Probe("change B's cart on A's storefront", Caller.PUBLIC, "PUT", "/s/{memberA}/api/carts/{cartB}/items/{skuB}",
                    Map.of("qty", 5)),
            new Probe("remove from B's cart on A's storefront", Caller.PUBLIC, "DELETE",
                    "/s/{memberA}/api/carts/{cartB}/items/{skuB}", null),
            // orders: B's order (number {orderB}, token {orderTokenB}) and B's cart seen from A
            new Probe("order B's cart on A's storefront", Caller.PUBLIC, "POST", "/s/{memberA}/api/orders",
                    Map.of("cartId", "{cartB}", "storeCode", "B-SHOP-1", "consent", true, "payMethod", "ALIPAY_QR",
                            "buyer", Map.of("name", "张三", "idNumber", "11010519491231002X", "phone", "13800138000"),
                            "consignee", Map.of("name", "张三", "phone", "13800138000", "districtCode", "440305",
                                    "address", "广东省深圳市南山区1号"))),
            new Probe("B's order with its token on A's storefront", Caller.PUBLIC, "GET",
                    "/s/{memberA}/api/orders/{orderB}?token={orderTokenB}", null),
            new Probe("look up B's order on A's storefront", Caller.PUBLIC, "POST", "/s/{memberA}/api/orders/lookup",
                    Map.of("orderNo", "{orderB}", "phone", "13800138000", "idNumberLast6", "31002X")),
            new Probe("B's order (staff of A)", Caller.RETAILER_ADMIN_A, "GET", "/api/v1/orders/{orderB}", null),
            new Probe("B's order (POS of A)", Caller.POS_A, "GET", "/pos/v1/orders/{orderB}", null),
            new Probe("charge B's order (POS of A)", Caller.POS_A, "POST", "/pos/v1/orders/{orderB}/barcode-payment",
                    Map.of("authCode", "281234567890123456")),
            new Probe("B's declaration (staff of A)", Caller.RETAILER_ADMIN_A, "GET", "/api/v1/declarations/{orderB}", null),
            // declarations: B's order {orderB} has a declaration whose CEB311 {declGuidB} was sent (signed XML kept)
            new Probe("B's declaration (park admin of A)", Caller.PARK_ADMIN_A, "GET", "/api/v1/declarations/{orderB}", null),
            new Probe("B's signed XML (staff of A)", Caller.RETAILER_ADMIN_A, "GET",
                    "/api/v1/declarations/{orderB}/messages/{declGuidB}", null),
            new Probe("B's signed XML (park admin of A)", Caller.PARK_ADMIN_A, "GET",
                    "/api/v1/declarations/{orderB}/messages/{declGuidB}", null),
            new Probe("B's declarations by tenant (park admin of A)", Caller.PARK_ADMIN_A, "GET",
                    "/api/v1/declarations?tenant={memberB}", null),
            new Probe("B's declaration monitor by tenant (park admin of A)", Caller.PARK_ADMIN_A, "GET",
                    "/api/v1/declarations/monitor?tenant={memberB}", null),
            // statistics (issue #9): a tenant filter names only a tenant of the caller's scope
            new Probe("B's statistics by tenant (park admin of A)", Caller.PARK_ADMIN_A, "GET",
                    "/api/v1/stats?groupBy=store&tenant={memberB}", null),
            new Probe("B's statistics by tenant (staff of A)", Caller.RETAILER_ADMIN_A, "GET",
                    "/api/v1/stats?tenant={memberB}", null),
            new Probe("B's statistics export (park admin of A)", Caller.PARK_ADMIN_A, "GET",
                    "/api/v1/stats:export?format=csv&tenant={memberB}", null),
            new Probe("console: B's statistics", Caller.PARK_ADMIN_A, "PAGE", "/console/stats?tenant={memberB}", null),
            new Probe("console: B's declaration", Caller.RETAILER_ADMIN_A, "PAGE", "/console/declarations/{orderB}", null),
            new Probe("console: B's declaration (park admin of A)", Caller.PARK_ADMIN_A, "PAGE",
                    "/console/declarations/{orderB}", null),
            new Probe("console: B's declarations by tenant", Caller.PARK_ADMIN_A, "PAGE",
                    "/console/declarations?tenant={memberB}", null),
            new Probe("cancel B's order (staff of A)", Caller.RETAILER_ADMIN_A, "POST", "/api/v1/orders/{orderB}/cancel",
                    Map.of("reason", "walk")),
            new Probe("resubmit B's rejected declaration (staff of A)", Caller.RETAILER_ADMIN_A, "POST",
                    "/api/v1/declarations/{orderB}/resubmit", Map.of("note", "walk")),
            // payments: B reconciled {reconDayB}; the reconciliation API names no tenant (the caller's own)
            new Probe("B's reconciliation of a day", Caller.RETAILER_ADMIN_A, "GET",
                    "/api/v1/payments/reconciliation?date={reconDayB}", null),
            // alerts: the list names no tenant (the caller's own: A's stays empty, checked after the walk)
            new Probe("acknowledge B's alert", Caller.RETAILER_ADMIN_A, "POST", "/api/v1/alerts/{alertB}/acknowledge", null),
            new Probe("acknowledge B's alert (park admin)", Caller.PARK_ADMIN_A, "POST", "/api/v1/alerts/{alertB}/acknowledge", null),
            // returns: B's return {returnB} of B's order
            new Probe("B's return (staff of A)", Caller.RETAILER_ADMIN_A, "GET", "/api/v1/returns/{returnB}", null),
            new Probe("approve B's return (staff of A)", Caller.RETAILER_ADMIN_A, "POST",
                    "/api/v1/returns/{returnB}/approve", null),
            new Probe("reject B's return (staff of A)", Caller.RETAILER_ADMIN_A, "POST",
                    "/api/v1/returns/{returnB}/reject", Map.of("reason", "walk")),
            new Probe("B's return's goods received (staff of A)", Caller.RETAILER_ADMIN_A, "POST",
                    "/api/v1/returns/{returnB}/received", null),
            new Probe("open a return of B's order at A's counter", Caller.RETAILER_ADMIN_A, "POST",
                    "/api/v1/orders/{orderB}/returns", Map.of("items", List.of(Map.of("sku", "B-SKU-1", "qty", 1)),
                            "reason", "walk")),
            new Probe("return B's order with its token on A's storefront", Caller.PUBLIC, "POST",
                    "/s/{memberA}/api/orders/{orderB}/returns?token={orderTokenB}",
                    Map.of("items", List.of(Map.of("sku", "B-SKU-1", "qty", 1)), "reason", "walk")),
            new Probe("B's order's returns with its token on A's storefront", Caller.PUBLIC, "GET",
                    "/s/{memberA}/api/orders/{orderB}/returns?token={orderTokenB}", null),
            new Probe("B's return's photos (staff of A)", Caller.RETAILER_ADMIN_A, "GET",
                    "/api/v1/returns/{returnB}/photos", null),
            new Probe("a photo of B's return (staff of A)", Caller.RETAILER_ADMIN_A, "GET",
                    "/api/v1/returns/{returnB}/photos/{photoB}", null),
            new Probe("attach a photo to B's return (staff of A)", Caller.RETAILER_ADMIN_A, "PHOTO",
                    "/api/v1/returns/{returnB}/photos", null),
            new Probe("attach a photo to B's return with its order's token on A's storefront", Caller.PUBLIC, "PHOTO",
                    "/s/{memberA}/api/returns/{returnB}/photos?token={orderTokenB}", null),
            new Probe("B's return's photos with its order's token on A's storefront", Caller.PUBLIC, "GET",
                    "/s/{memberA}/api/returns/{returnB}/photos?token={orderTokenB}", null),
            new Probe("a photo of B's return with its order's token on A's storefront", Caller.PUBLIC, "GET",
                    "/s/{memberA}/api/returns/{returnB}/photos/{photoB}?token={orderTokenB}", null),
            new Probe("console: a photo of B's return", Caller.RETAILER_ADMIN_A, "PAGE",
                    "/console/returns/{returnB}/photos/{photoB}", null),
            new Probe("console: B's return", Caller.RETAILER_ADMIN_A, "PAGE", "/console/returns/{returnB}", null),
            new Probe("console: approve B's return", Caller.RETAILER_ADMIN_A, "FORM", "/console/returns/{returnB}/approve",
                    Map.of("formToken", "walk-console-returns")),
            new Probe("console: reject B's return", Caller.RETAILER_ADMIN_A, "FORM", "/console/returns/{returnB}/reject",
                    Map.of("formToken", "walk-console-returns-reject", "reason", "walk")),
            new Probe("console: B's return's goods received", Caller.RETAILER_ADMIN_A, "FORM",
                    "/console/returns/{returnB}/received", Map.of("formToken", "walk-console-returns-received")),
            new Probe("console: retry B's return's refund", Caller.RETAILER_ADMIN_A, "FORM",
                    "/console/returns/{returnB}/retry-refund", Map.of("formToken", "walk-console-returns-retry")),
            new Probe("console: B's order", Caller.RETAILER_ADMIN_A, "PAGE", "/console/orders/{orderB}", null),
            new Probe("console: cancel B's order", Caller.RETAILER_ADMIN_A, "FORM", "/console/orders/{orderB}/cancel",
                    Map.of("formToken", "walk-console-orders", "reason", "walk")),
            new Probe("console: cancel B's order without a token", Caller.RETAILER_ADMIN_A, "FORM",
                    "/console/orders/{orderB}/cancel", Map.of("reason", "walk")),
            // issue #10: the routes the coverage test found unwalked (TenantIsolationCoverageTest)
            new Probe("B's order page with its token on A's storefront", Caller.PUBLIC, "SHOP_FRAME",
                    "/s/{memberA}/orders/{orderB}?token={orderTokenB}", null),
            new Probe("the return form of B's order with its token on A's storefront", Caller.PUBLIC, "SHOP_FORM",
                    "/s/{memberA}/orders/{orderB}/returns?token={orderTokenB}", Map.of("qty.B-SKU-1", "1", "reason", "walk")),
            new Probe("the photo form of B's return with its order's token on A's storefront", Caller.PUBLIC, "SHOP_PHOTO",
                    "/s/{memberA}/orders/{orderB}/returns/{returnB}/photos?token={orderTokenB}", null),
            new Probe("pair a kiosk in B's store on A's storefront", Caller.PUBLIC, "POST",
                    "/s/{memberA}/kiosk/{storeB}/pair", Map.of("pairingCode", "12345678")),
            new Probe("pay B's order on A's kiosk of B's store", Caller.PUBLIC, "SHOP_FORM", "/s/{memberA}/kiosk/{storeB}/pay",
                    Map.of("orderNo", "{orderB}", "orderToken", "{orderTokenB}", "qrCode", "https://qr.alipay.com/walk",
                            "expiresAt", "2026-11-30T03:00:00Z")),
            new Probe("B's return's goods received (A's logistics partner)", Caller.PARTNER_A, "POST",
                    "/api/v1/logistics/returns/{returnB}/received", Map.of())
    );

    /** The day B has reconciled (a past day: B's sandbox bill of it is empty). */
    private static final String RECON_DAY_B = "2026-11-01";

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private Park parkA;
    private Merchant merchantA;
    private Park parkB;
    private Application openB;
    private String documentB;
    private Merchant merchantB;
    private String deviceB;
    private DevicesApi.Pos posA;
    private DevicesApi.Pos partnerA;
    private String jobB;
    private String gtinB;
    private String imageB;
    private String productJobB;
    private String cartB;
    private String orderB;
    private String orderTokenB;
    private String alertB;
    private String displayB;
    private String flagB;
    private String declGuidB;
    private String returnB;
    private String photoB;

    TenantIsolationWalkTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
    }

    @BeforeAll
    void twoParksWithMerchants() {
        parkA = api.park();
        merchantA = api.merchant(parkA);
        api.expect(201, api.post("/api/v1/parks/" + parkA.slug() + "/warehouses", parkA.admin().token(),
                Map.of("code", "A-01", "name", "A bonded", "emsNo", "T5349W2", "customsCode", "5349", "areaCode", "5349W",
                        "operatorUscc", SampleCodes.uscc())));
        parkB = api.park();
        merchantB = api.merchant(parkB);
        api.expect(201, api.post("/api/v1/parks/" + parkB.slug() + "/warehouses", parkB.admin().token(),
                Map.of("code", "B-01", "name", "B bonded", "emsNo", "T5349W1", "customsCode", "5349", "areaCode", "5349W",
                        "operatorUscc", SampleCodes.uscc())));
        api.expect(201, api.post("/api/v1/stores", merchantB.admin().token(), Map.of("code", "B-SHOP-1", "name", "B shop",
                "kind", "EXPERIENCE_STORE", "address", "1 Qianhai Rd", "district", "440305", "warehouseCode", "B-01")));
        deviceB = (String) api.expect(201, api.post("/api/v1/devices", merchantB.admin().token(),
                Map.of("storeCode", "B-SHOP-1", "kind", "POS"))).get("deviceKey");
        api.expect(201, api.post("/api/v1/stores", merchantA.admin().token(), Map.of("code", "A-SHOP-1", "name", "A shop",
                "kind", "CONVENIENCE_STORE", "address", "2 Qianhai Rd", "district", "440305", "warehouseCode", "A-01")));
        posA = new DevicesApi(vitrine).pos(merchantA, "A-SHOP-1");
        partnerA = new DevicesApi(vitrine).pos(merchantA, null);
        gtinB = (String) api.expect(201, api.post("/api/v1/products", merchantB.admin().token(),
                CatalogSamples.formula("B-SKU-1", "B-01"))).get("gtin");
        StoreImports imports = new StoreImports(api.vitrine(), api);
        jobB = imports.submit(merchantB.admin().token(), StoreImports.csv(StoreImports.HEADER,
                List.of(StoreImports.store("B-SHOP-2", "B-01", 1, 1))));
        assertThat(imports.finished(jobB, merchantB.admin().token())).containsEntry("status", "SUCCEEDED");
        ProductImports productImports = new ProductImports(api.vitrine(), api);
        productJobB = productImports.submit(merchantB.admin().token(), "products.csv", ProductImports.csv(
                List.of(ProductImports.line("B-SKU-2", CatalogSamples.gtin(), "B-01", 100))));
        assertThat(productImports.finished(productJobB, merchantB.admin().token())).containsEntry("status", "SUCCEEDED");
        api.expect(200, api.put("/api/v1/stock/B-01/B-SKU-1", merchantB.admin().token(), Map.of("quantity", 7)));
        api.expect(200, api.put("/api/v1/stores/B-SHOP-1/assortment", merchantB.admin().token(),
                Map.of("skus", List.of("B-SKU-1"))));
        displayB = (String) api.expect(201, api.post("/api/v1/display/accounts", merchantB.admin().token(),
                Map.of("storeCode", "B-SHOP-1", "guarantee", Map.of("amountFen", 100000, "reference", "B-G-1",
                        "expiresOn", "2099-12-31"), "displayFrom", "2026-01-01", "displayTo", "2099-12-31"))).get("id");
        imageB = (String) api.expect(201, api.upload("/api/v1/images", null, "b.png", "image/png",
                SampleImages.png(40, 30), "Authorization", "Bearer " + merchantB.admin().token())).get("imageId");
        api.expect(200, api.put("/api/v1/tenant/theme", merchantB.admin().token(),
                Map.of("shopName", "B shop", "colours", Map.of("primary", "#bb0000"))));
        api.expect(200, api.uploadBy("PUT", "/api/v1/tenant/theme/logo", "logo.png", "image/png", SampleImages.png(8, 8, 0xbb0000),
                "Authorization", "Bearer " + merchantB.admin().token()));
        cartB = (String) api.expect(201, api.post("/s/" + merchantB.slug() + "/api/carts", null,
                Map.of("storeCode", "B-SHOP-1"))).get("cartId");
        api.expect(200, api.put("/s/" + merchantB.slug() + "/api/carts/" + cartB + "/items/B-SKU-1", null, Map.of("qty", 1)));
        orderTokenB = io.vitrine.tenants.access.BearerToken.generate();
        orderB = pendingOrder(merchantB.id(), orderTokenB);
        api.expect(200, api.post("/api/v1/payments/reconciliation?date=" + RECON_DAY_B, merchantB.admin().token(),
                null));
        alertB = alertOf(merchantB.id(), orderB);
        flagB = java.util.UUID.randomUUID().toString();
        io.micronaut.transaction.TransactionOperations<java.sql.Connection> transactions =
                api.vitrine().bean(io.micronaut.transaction.TransactionOperations.class);
        transactions.executeWrite(status -> {
            try (java.sql.PreparedStatement insert = status.getConnection().prepareStatement(
                    "INSERT INTO risk_flags (id, tenant_id, scope_id, order_no, store_code, rules, evidence, status, "
                            + "created_at) VALUES (?, ?, ?, ?, 'B-SHOP-1', 'FREQUENT_BUYER', '{}', 'OPEN', ?)")) {
                insert.setString(1, flagB);
                insert.setString(2, merchantB.id());
                insert.setString(3, parkB.id());
                insert.setString(4, orderB);
                insert.setString(5, io.vitrine.kernel.time.infra.SqlInstants.text(java.time.Instant.now()));
                return insert.executeUpdate();
            }
        });
        declGuidB = sentDeclarationOf(merchantB.id(), orderB);
        returnB = returnOf(merchantB.id(), orderB);
        photoB = (String) api.expect(201, photo("/api/v1/returns/" + returnB + "/photos", merchantB.admin().token()))
                .get("photoId");
        openB = api.apply(parkB);
        Map<String, Object> review = api.expect(200, api.get(openB.path(), parkB.admin().token()));
        documentB = (String) items(Map.of("items", review.get("documents"))).get(0).get("documentId");
    }

    Stream<Probe> probes() {
        return PROBES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probes")
    void tenant_a_finds_nothing_of_tenant_b(Probe probe) {
        String path = fill(probe.path());
        String token = switch (probe.caller()) {
            case PARK_ADMIN_A -> parkA.admin().token();
            case RETAILER_ADMIN_A -> merchantA.admin().token();
            case PUBLIC, POS_A, PARTNER_A -> null;
        };

        HttpResponse<String> response = probe.caller() == Caller.POS_A || probe.caller() == Caller.PARTNER_A
                ? signedBy(probe.caller() == Caller.POS_A ? posA : partnerA, probe.method(), path, fill(probe.body()))
                : switch (probe.method()) {
            case "UPLOAD" -> api.upload(path, openB.token(), "licence.pdf", "application/pdf", SampleCodes.pdf());
            case "PAGE", "FORM" -> consolePage(probe, path, token);
            case "SHOP", "SHOP_FRAME" -> api.vitrine().get(path);
            case "SHOP_FORM" -> shopForm(path, fill(probe.body()));
            case "PHOTO", "SHOP_PHOTO" -> photo(path, token);
            default -> api.send(probe.method(), path, token, fill(probe.body()));
        };

        if (probe.method().equals("SHOP_FRAME")) {
            // the order page is a frame for any well-formed number, existing or not (its data comes from the walked
            // orders API): it may answer 200, but never with anything of B's order
            assertThat(response.statusCode()).isIn(200, 404);
            assertThat(response.body()).doesNotContain(returnB).doesNotContain("B-SKU-1").doesNotContain("29900");
        } else if (List.of("SHOP_FORM", "SHOP_PHOTO").contains(probe.method())) {
            // a storefront form's 404 may be the page or problem+json: either way, nothing of B's
            assertThat(response.statusCode()).as("%s -> %s", path, response.body()).isEqualTo(404);
        } else if (List.of("PAGE", "FORM", "SHOP").contains(probe.method())) {
            assertThat(response.statusCode()).as("%s -> %s", path, response.body()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        } else {
            api.expectProblem(404, response);
        }
        assertThat(response.body()).doesNotContain(parkB.id(), openB.slug());
    }

    /** A storefront page's form, sent anonymously from the shop's own page. */
    private HttpResponse<String> shopForm(String path, Map<String, Object> body) {
        String form = body.entrySet().stream()
                .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(String.valueOf(e.getValue()),
                        java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        return api.vitrine().send(java.net.http.HttpRequest.newBuilder(api.vitrine().uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Sec-Fetch-Site", "same-origin")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** A device of A's calling, its JSON body signed as sent, with a fresh Idempotency-Key. */
    private HttpResponse<String> signedBy(DevicesApi.Pos device, String method, String path, Object body) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : vitrine.bean(io.micronaut.json.JsonMapper.class).writeValueAsBytes(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(vitrine.uri(path))
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofByteArray(bytes))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "walk-" + java.util.UUID.randomUUID());
        new io.vitrine.tenants.devices.signing.RequestSigner(vitrine.bean(java.time.Clock.class))
                .sign(device.key(), device.secretBytes(), method, path, bytes).asMap().forEach(request::header);
        return vitrine.send(request.build());
    }

    /**
     * The tax reconciliation is the caller's tenant's list: B's bill on B's order (written as the receipt path records
     * it) is in B's report and never in A's, over the same days.
     */
    @org.junit.jupiter.api.Test
    @SuppressWarnings("unchecked")
    void tenant_a_tax_reconciliation_never_lists_b_s_bills() {
        String now = io.vitrine.kernel.time.infra.SqlInstants.text(java.time.Instant.now());
        String taxNo = "TWALK" + java.util.UUID.randomUUID().toString().substring(0, 12);
        Rows.update(api.vitrine(), "INSERT INTO customs_tax_bills (tax_no, bill_guid, message_guid, tenant_id, order_no, "
                + "invt_no, ebc_code, customs_tax_fen, value_added_tax_fen, consumption_tax_fen, status, return_time, "
                + "received_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, NULL, 0, 2721, 0, '1', ?, ?, ?)", taxNo,
                java.util.UUID.randomUUID().toString(), java.util.UUID.randomUUID().toString(), merchantB.id(), orderB,
                "I" + orderB, now, now, now);
        String today = io.vitrine.kernel.time.ChinaTime.today(java.time.Clock.systemUTC()).toString();
        String path = "/api/v1/declarations/tax-reconciliation?from=" + today + "&to=" + today;

        Map<String, Object> theirs = api.expect(200, api.get(path, merchantB.admin().token()));
        assertThat((List<Map<String, Object>>) theirs.get("matched")).extracting(line -> line.get("orderNo"))
                .containsExactly(orderB);
        HttpResponse<String> ours = api.get(path, merchantA.admin().token());
        assertThat(ours.statusCode()).isEqualTo(200);
        assertThat(ours.body()).doesNotContain(orderB).doesNotContain(taxNo);
    }

    /** The probe's placeholders filled in. */
    private String fill(String text) {
        return text.replace("{parkA}", parkA.slug()).replace("{parkB}", parkB.slug())
                .replace("{appB}", openB.id()).replace("{tokenB}", openB.token()).replace("{docB}", documentB)
                .replace("{storeB}", "B-SHOP-1").replace("{deviceB}", deviceB)
                .replace("{skuB}", "B-SKU-1")
                .replace("{staffB}", merchantB.admin().username()).replace("{parkAdminB}", parkB.admin().username())
                .replace("{memberA}", merchantA.slug()).replace("{memberB}", merchantB.slug())
                .replace("{jobB}", jobB).replace("{gtinB}", gtinB).replace("{imageB}", imageB)
                .replace("{productJobB}", productJobB).replace("{cartB}", cartB)
                .replace("{orderB}", orderB).replace("{orderTokenB}", orderTokenB)
                .replace("{reconDayB}", RECON_DAY_B).replace("{alertB}", alertB)
                .replace("{displayB}", displayB).replace("{flagB}", flagB)
                .replace("{declGuidB}", declGuidB).replace("{returnB}", returnB).replace("{photoB}", photoB);
    }

    /** A JSON body with the placeholders of its text values (nested too) filled in. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> fill(Map<String, Object> body) {
        if (body == null) {
            return null;
        }
        Map<String, Object> filled = new java.util.LinkedHashMap<>();
        body.forEach((key, value) -> filled.put(key, value instanceof String text ? fill(text)
                : value instanceof Map<?, ?> nested ? fill((Map<String, Object>) nested) : value));
        return filled;
    }

    /**
     * An unpaid order of B's written straight into the table (the walk's application has no Alipay gateway to open a
     * trade with): what A must not see, read, look up or cancel.
     */
    private String pendingOrder(String tenantId, String token) {
        String body = "V261130" + String.format("%09d", java.util.concurrent.ThreadLocalRandom.current()
                .nextLong(1_000_000_000L));
        String orderNo = java.util.stream.IntStream.range(0, 10).mapToObj(digit -> body + digit)
                .filter(io.vitrine.orders.numbers.OrderNumber::isValid).findFirst().orElseThrow();
        String now = "2026-11-30 10:00:00.000000";
        Rows.update(api.vitrine(), "INSERT INTO orders (id, tenant_id, order_no, store_code, cart_ref, status, trade_mode, "
                + "warehouse_code, taxation, goods_value_fen, freight_fen, insurance_fen, discount_fen, tax_fen, total_fen, "
                + "quota_fen, token_hash, pay_method, payment_expires_at, placed_at, updated_at, version) VALUES (?, ?, ?, "
                + "'B-SHOP-1', ?, 'PENDING_PAYMENT', '1210', 'B-01', 'WITHIN_LIMITS', 29900, 0, 0, 0, 2721, 32621, 0, ?, "
                + "'ALIPAY_QR', ?, ?, ?, 0)", java.util.UUID.randomUUID().toString(), tenantId, orderNo,
                io.vitrine.tenants.access.BearerToken.hash(token), io.vitrine.tenants.access.BearerToken.hash(token),
                now, now, now);
        return orderNo;
    }

    /**
     * A rejected declaration of B's order with its CEB311 sent (signed XML kept), through customs' store: what A must
     * neither read nor resubmit (a resubmission reaching it would answer 409 or send, not 404). Its guid.
     */
    private String sentDeclarationOf(String tenantId, String orderNo) {
        io.vitrine.kernel.tenancy.TenantId tenant = io.vitrine.kernel.tenancy.TenantId.of(tenantId);
        io.vitrine.api.customs.DeclarationRows rows = new io.vitrine.api.customs.DeclarationRows(api.vitrine());
        String guid = io.vitrine.api.customs.DeclarationRows.guid();
        java.time.Instant at = java.time.Instant.parse("2026-11-30T02:00:00Z");
        rows.open(io.vitrine.api.customs.DeclarationRows.declaration(tenant, orderNo,
                io.vitrine.customs.declaration.DeclarationStatus.REJECTED, at, at, "walk"), guid, "CEB311");
        rows.sent(tenant, guid, io.vitrine.api.customs.DeclarationRows.signedXml(orderNo, guid), at);
        return guid;
    }

    /** A PNG posted as a return's photo (part {@code photo}), as this caller ({@code null}: anonymous). */
    private HttpResponse<String> photo(String path, String token) {
        byte[] png = SampleImages.png(2, 2);
        return token == null ? api.uploadPart("POST", path, "photo", "p.png", "image/png", png)
                : api.uploadPart("POST", path, "photo", "p.png", "image/png", png, "Authorization", "Bearer " + token);
    }

    /** A return of B's order, REQUESTED, written straight into the tables (B's order was never released): its number. */
    private String returnOf(String tenantId, String orderNo) {
        String returnNo = "R261130" + String.format("%09d", java.util.concurrent.ThreadLocalRandom.current()
                .nextLong(1_000_000_000L)) + "0";
        String id = java.util.UUID.randomUUID().toString();
        String at = "2026-11-30 10:00:00.000000";
        Rows.update(api.vitrine(), "INSERT INTO order_returns (id, tenant_id, return_no, order_id, order_no, store_code, "
                + "status, reason, channel, opened_by, requested_at, released_at, updated_at, version) SELECT ?, ?, ?, id, "
                + "order_no, store_code, 'REQUESTED', 'walk', 'SHOPPER', 'shopper', ?, ?, ?, 0 FROM orders "
                + "WHERE order_no = ?", id, tenantId, returnNo, at, at, at, orderNo);
        Rows.update(api.vitrine(), "INSERT INTO order_return_lines (return_id, line_no, tenant_id, sku, quantity, "
                + "ordered_quantity, unit_price_fen, line_value_fen, line_tax_fen) VALUES (?, 1, ?, 'B-SKU-1', 1, 1, "
                + "29900, 29900, 2721)", id, tenantId);
        return returnNo;
    }

    /** An alert of B's about its order, raised as the payment code raises one; answers its id. */
    @SuppressWarnings("unchecked")
    private String alertOf(String tenantId, String orderNo) {
        io.vitrine.kernel.tenancy.TenantId tenant = io.vitrine.kernel.tenancy.TenantId.of(tenantId);
        io.vitrine.tenants.alerts.Alerts alerts = api.vitrine().bean(io.vitrine.tenants.alerts.Alerts.class);
        io.micronaut.transaction.TransactionOperations<java.sql.Connection> transactions =
                api.vitrine().bean(io.micronaut.transaction.TransactionOperations.class);
        transactions.executeWrite(status -> io.vitrine.kernel.tenancy.TenantContext.callAs(tenant, () -> alerts.raise(
                new io.vitrine.tenants.alerts.NewAlert("PAYMENT_AMOUNT_MISMATCH",
                        io.vitrine.tenants.alerts.AlertSeverity.CRITICAL, orderNo, "walk: B's alert", Map.of()))));
        return io.vitrine.kernel.tenancy.TenantContext.callAs(tenant, () -> alerts.list(null, null, 0, 1))
                .items().get(0).id();
    }

    /** A console page (GET), or a console form sent from our own pages (the cross-site guard lets it through). */
    private HttpResponse<String> consolePage(Probe probe, String path, String token) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(api.vitrine().uri(path))
                .header("Authorization", "Bearer " + token);
        if (probe.method().equals("FORM")) {
            String form = probe.body().entrySet().stream()
                    .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(String.valueOf(e.getValue()),
                            java.nio.charset.StandardCharsets.UTF_8))
                    .collect(java.util.stream.Collectors.joining("&"));
            request.header("Content-Type", "application/x-www-form-urlencoded").header("Sec-Fetch-Site", "same-origin")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form));
        }
        return api.vitrine().send(request.build());
    }

    @AfterAll
    void tenant_b_is_untouched() {
        assertThat(api.get("/api/v1/declarations/" + orderB + "/messages/" + declGuidB, merchantB.admin().token())
                .statusCode()).as("B's signed XML is there for B").isEqualTo(200);
        assertThat(api.expect(200, api.get("/api/v1/declarations/" + orderB, parkB.admin().token())))
                .containsKey("declaration");
        assertThat(api.expect(200, api.get("/api/v1/alerts", merchantA.admin().token()))).containsEntry("total", 0);
        assertThat(api.expect(200, api.get("/api/v1/alerts", parkA.admin().token()))).containsEntry("total", 0);
        assertThat(items(api.expect(200, api.get("/api/v1/alerts", merchantB.admin().token()))))
                .extracting(a -> a.get("id") + ":" + a.get("acknowledgedAt")).containsExactly(alertB + ":null");
        assertThat(api.expect(200, api.get("/api/v1/orders/" + orderB, merchantB.admin().token())))
                .containsEntry("status", "PENDING_PAYMENT");
        assertThat(api.expect(200, api.get("/api/v1/risk/flags/" + flagB, parkB.admin().token())))
                .as("B's held order neither released nor cancelled").containsEntry("status", "OPEN");
        assertThat(Rows.column(vitrine, "SELECT action FROM audit_events WHERE subject_type = 'risk_flag' AND subject_id = ?",
                flagB)).isEmpty();
        assertThat(items(api.expect(200, api.get("/api/v1/orders", merchantA.admin().token())))).isEmpty();
        assertThat(api.expect(200, api.get("/api/v1/returns/" + returnB, merchantB.admin().token())))
                .containsEntry("status", "REQUESTED").doesNotContainKey("decidedBy");
        assertThat(api.expect(200, api.get("/api/v1/returns", merchantA.admin().token()))).containsEntry("total", 0);
        assertThat(Rows.column(vitrine, "SELECT return_no FROM order_returns WHERE order_no = ?", orderB))
                .containsExactly(returnB);
        assertThat(TenantsApi.object(api.expect(200, api.get("/api/v1/declarations/" + orderB,
                merchantB.admin().token())), "declaration")).containsEntry("status", "REJECTED");
        HttpResponse<String> declarationsOfA = api.get("/api/v1/declarations", merchantA.admin().token());
        assertThat(declarationsOfA.statusCode()).isEqualTo(200);
        assertThat(declarationsOfA.body()).isEqualTo("[]");
        Map<String, Object> application = api.expect(200, api.get(openB.path(), parkB.admin().token()));
        assertThat(TenantsApi.object(application, "application")).containsEntry("status", "SUBMITTED");
        assertThat((List<?>) application.get("documents")).hasSize(1);
        assertThat(items(api.expect(200, api.get("/api/v1/parks/" + parkB.slug() + "/warehouses", parkB.admin().token()))))
                .extracting(w -> w.get("code")).containsExactly("B-01");
        assertThat(api.expect(200, api.get("/api/v1/stores/B-SHOP-1", merchantB.admin().token()))).containsEntry("name", "B shop");
        assertThat(items(api.expect(200, api.get("/api/v1/stores", merchantA.admin().token()))))
                .extracting(store -> store.get("code")).containsExactly("A-SHOP-1"); // A's own, for its POS
        assertThat(items(api.expect(200, api.get("/api/v1/devices", merchantB.admin().token()))))
                .extracting(d -> d.get("deviceKey") + ":" + d.get("status")).contains(deviceB + ":ACTIVE").hasSize(3);
        assertThat(new StoreImports(api.vitrine(), api).download(jobB, merchantB.admin().token()).statusCode())
                .as("B's credentials are still there for B's one download").isEqualTo(200);
        assertThat(items(api.expect(200, api.get("/api/v1/devices", merchantA.admin().token()))))
                .extracting(device -> device.get("deviceKey")).containsExactlyInAnyOrder(posA.key(), partnerA.key());
        assertThat(api.expect(200, api.get("/api/v1/products/B-SKU-1", merchantB.admin().token())))
                .containsEntry("nameZh", CatalogSamples.formula("B-SKU-1", "B-01").get("nameZh"));
        assertThat(items(api.expect(200, api.get("/api/v1/products?q=B-SKU", merchantA.admin().token())))).isEmpty();
        assertThat(api.expect(200, api.get("/api/v1/images/" + imageB, merchantB.admin().token())))
                .containsEntry("imageId", imageB);
        assertThat(new String(new ProductImports(api.vitrine(), api).export(merchantA.admin().token(), "csv").body(),
                java.nio.charset.StandardCharsets.UTF_8)).as("A's export").doesNotContain("B-SKU");
        assertThat(api.expect(200, api.get("/api/v1/stock/B-01/B-SKU-1", merchantB.admin().token())))
                .containsEntry("onHand", 7);
        assertThat(items(api.expect(200, api.get("/api/v1/stock/B-01/B-SKU-1/ledger", merchantB.admin().token()))))
                .hasSize(1);
        assertThat(items(api.expect(200, api.get("/api/v1/stock", merchantA.admin().token())))).isEmpty();
        assertThat(items(api.expect(200, api.get("/api/v1/stores/B-SHOP-1/assortment", merchantB.admin().token()))))
                .extracting(row -> row.get("sku")).containsExactly("B-SKU-1");
        assertThat(items(api.expect(200, api.get("/api/v1/staff", merchantA.admin().token()))))
                .extracting(m -> m.get("username")).containsExactly(merchantA.admin().username());
        assertThat(items(api.expect(200, api.get("/api/v1/staff", merchantB.admin().token()))))
                .extracting(m -> m.get("username") + ":" + m.get("status")).containsExactly(merchantB.admin().username() + ":ACTIVE");
        assertThat(items(api.expect(200, api.get("/api/v1/staff", parkB.admin().token()))))
                .extracting(m -> m.get("username") + ":" + m.get("status")).containsExactly(parkB.admin().username() + ":ACTIVE");
        // nothing of B's member was read by a park (no audited read), and it is still open
        assertThat(Rows.column(vitrine, "SELECT action FROM audit_events WHERE tenant_id = ? AND action LIKE 'PARK_READ%'",
                merchantB.id())).isEmpty();
        assertThat(TenantsApi.object(api.expect(200, api.get("/api/v1/parks/" + parkB.slug() + "/tenants/" + merchantB.slug(),
                parkB.admin().token())), "tenant")).containsEntry("status", "ACTIVE");
        assertThat(TenantsApi.object(Map.of("line", ((List<?>) api.expect(200, api.get("/s/" + merchantB.slug()
                + "/api/carts/" + cartB, null)).get("lines")).get(0)), "line")).containsEntry("sku", "B-SKU-1")
                .containsEntry("qty", 1);
        // B's theme is B's alone: A's admin changing a theme changes A's
        api.expect(200, api.put("/api/v1/tenant/theme", merchantA.admin().token(), Map.of("shopName", "A shop")));
        assertThat(api.expect(200, api.get("/api/v1/tenant/theme", merchantB.admin().token())))
                .containsEntry("shopName", "B shop").containsEntry("logoUrl", "/s/" + merchantB.slug() + "/theme/logo?v=2");
        assertThat(api.vitrine().get("/s/" + merchantA.slug() + "/theme.css").body()).doesNotContain("#bb0000");
    }
}
