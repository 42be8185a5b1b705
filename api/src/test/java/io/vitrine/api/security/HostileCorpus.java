package io.vitrine.api.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The fixed, seeded corpus of hostile bodies the sweep sends (issue #10 "Hostile input"): malformed, huge, deeply
 * nested, wrong types, huge numbers, NUL / lone surrogates / right-to-left override / emoji, path traversal, SQL
 * and HTML injection, and for XML external entities and entity expansion. The same seed gives the same bytes on
 * every run, so a failure names a body that can be sent again.
 */
final class HostileCorpus {

    /** Just under the JSON buffer limit ({@code micronaut.server.max-request-buffer-size}, 10MB): read and refused. */
    static final int HUGE_UNDER_LIMIT = 9 << 20;
    /** Just over it: refused before it is read (413). */
    static final int HUGE_OVER_LIMIT = (10 << 20) + 1;
    static final int DEPTH = 10_000;

    static final String SQL = "'; DROP TABLE stores; --";
    static final String SCRIPT = "<script>alert('vitrine')</script>";
    static final String TRAVERSAL = "../../../../etc/passwd";
    /** NUL, a lone high surrogate, right-to-left override, an emoji: as JSON escapes. */
    static final String UNICODE_ESCAPED = "\\u0000\\ud800\\u202e\\ud83d\\ude00x";

    /**
     * Field names the application's bodies use: each hostile object gives all of them the same wrong value, so
     * whatever a route reads is wrong for it.
     */
    static final List<String> FIELDS = List.of("items", "qty", "quantity", "delta", "skus", "events", "storeCode", "code",
            "name", "price", "kind", "reason", "cartId", "username", "password", "consent", "buyer", "consignee",
            "colours", "pairingCode", "authCode", "orderNo", "phone", "idNumberLast6", "payMethod", "slug", "legalName",
            "uscc", "customsCode", "warehouseCode", "district", "address", "role", "storeCodes", "note", "appVersion",
            "shopName", "welcomeText", "footerText", "sku", "gtin", "nameZh", "nameEn", "brand", "hsCode", "status",
            "eventId", "type", "occurredAt", "waybillNo", "returnNo", "sessionID", "serviceTime", "formToken", "file",
            "alertWebhookUrl", "logisticsProvider", "emsNo", "areaCode", "operatorUscc", "contactName", "contactPhone",
            "email", "customsPlace", "districtCode", "idNumber", "lines", "photos", "token", "openReq", "date",
            // what the Alipay notify carries
            "sign", "sign_type", "out_trade_no", "trade_no", "trade_status", "total_amount", "app_id", "notify_id",
            "notify_time", "gmt_payment", "buyer_id", "charset");

    record Body(String name, String contentType, byte[] bytes) {
        @Override
        public String toString() {
            return name + " (" + bytes.length + " bytes)";
        }
    }

    private HostileCorpus() {
    }

    static List<Body> json() {
        List<Body> bodies = new ArrayList<>();
        bodies.add(text("empty", "application/json", ""));
        bodies.add(text("unclosed object", "application/json", "{"));
        bodies.add(text("missing value", "application/json", "{\"name\":}"));
        bodies.add(text("bare word", "application/json", "nul"));
        bodies.add(text("trailing garbage", "application/json", "{}}]"));
        bodies.add(text("single quotes", "application/json", "{'name':'x'}"));
        bodies.add(text("a string", "application/json", quoted(SCRIPT)));
        bodies.add(text("a number", "application/json", "123"));
        bodies.add(text("null", "application/json", "null"));
        bodies.add(text("an array of injections", "application/json",
                "[" + quoted(SQL) + "," + quoted(SCRIPT) + "," + quoted(TRAVERSAL) + "]"));
        bodies.add(text("10k-deep arrays", "application/json", "[".repeat(DEPTH) + "]".repeat(DEPTH)));
        bodies.add(text("10k-deep objects", "application/json", "{\"a\":".repeat(DEPTH) + "1" + "}".repeat(DEPTH)));
        bodies.add(object("every field an object", "{\"$gt\":\"\"}"));
        bodies.add(object("every field a huge number", "123456789012345678901234567890123456789"));
        bodies.add(object("every field an overflowing double", "1e999999"));
        bodies.add(object("every field negative huge", "-99999999999999999999"));
        bodies.add(object("every field an SQL injection", quoted(SQL)));
        bodies.add(object("every field a script", quoted(SCRIPT)));
        bodies.add(object("every field a path traversal", quoted(TRAVERSAL)));
        bodies.add(object("every field NUL, surrogate, RTL, emoji", "\"" + UNICODE_ESCAPED + "\""));
        bodies.add(object("every field an array of injections", "[" + quoted(SQL) + "," + quoted(SCRIPT) + "]"));
        bodies.add(new Body("invalid UTF-8", "application/json", concat("{\"name\":\"".getBytes(StandardCharsets.UTF_8),
                new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80},
                "\"}".getBytes(StandardCharsets.UTF_8))));
        bodies.add(text("duplicate keys", "application/json", "{\"name\":\"a\",\"name\":{},\"qty\":1,\"qty\":\"x\"}"));
        bodies.add(new Body("9 MiB string", "application/json", hugeJsonString()));
        return bodies;
    }

    /** A POS batch whose events are each hostile in another way (the batch itself is well formed). */
    static Body posBatch() {
        String events = String.join(",",
                "{\"eventId\":" + quoted(SQL) + ",\"type\":\"SALE\",\"occurredAt\":\"2026-12-01T10:00:00+08:00\"}",
                "{\"eventId\":\"e-2\",\"type\":" + quoted(SCRIPT) + "}",
                "{\"eventId\":\"e-3\",\"type\":\"STOCK_COUNT\",\"occurredAt\":\"9999-99-99\",\"sku\":" + quoted(TRAVERSAL)
                        + ",\"counted\":1e999}",
                "{\"eventId\":\"" + UNICODE_ESCAPED + "\",\"type\":\"SALE\",\"lines\":[{\"sku\":{},\"qty\":-99999999999999999999}]}",
                "{\"eventId\":\"" + "e".repeat(5000) + "\",\"type\":\"HEARTBEAT\"}",
                "[]", "null", "{\"a\":" + "[".repeat(500) + "]".repeat(500) + "}");
        return text("a batch of hostile events", "application/json", "{\"events\":[" + events + "]}");
    }

    /** An Alipay notify as Alipay would post it, for an order nobody placed, signed by nobody. */
    static Body forgedNotify(String orderNo) {
        return text("a forged notify", "application/x-www-form-urlencoded", "notify_time=2026-12-01+10%3A00%3A00"
                + "&notify_type=trade_status_sync&notify_id=" + enc(SQL) + "&app_id=2021000000000000&charset=utf-8"
                + "&version=1.0&sign_type=RSA2&sign=" + enc("AAAA" + SCRIPT) + "&trade_no=2026120122001400000000000000"
                + "&out_trade_no=" + orderNo + "&trade_status=TRADE_SUCCESS&total_amount=99999999999999.99"
                + "&receipt_amount=1e999&gmt_payment=2026-12-01+10%3A00%3A00&buyer_id=" + enc(TRAVERSAL));
    }

    static List<Body> form() {
        List<Body> bodies = new ArrayList<>();
        String form = "application/x-www-form-urlencoded";
        bodies.add(text("empty form", form, ""));
        bodies.add(text("broken percent-encoding", form, "%zz=%%&name=%E0%A4%A"));
        bodies.add(text("only separators", form, "=&&&==&="));
        bodies.add(text("every field an SQL injection", form, everyField(enc(SQL))));
        bodies.add(text("every field a script", form, everyField(enc(SCRIPT))));
        bodies.add(text("every field a path traversal", form, everyField(enc(TRAVERSAL))));
        bodies.add(text("every field NUL, surrogate, RTL, emoji", form, everyField("%00%ED%A0%80%E2%80%AE%F0%9F%98%80")));
        bodies.add(text("every field a huge number", form, everyField("123456789012345678901234567890123456789")));
        bodies.add(text("repeated fields", form, everyField("1") + "&" + everyField("x") + "&qty.%3Cscript%3E=1&qty.=-1"));
        bodies.add(text("JSON where a form is expected", form, "{\"name\":\"x\"}"));
        bodies.add(text("9 MiB field", form, "name=" + "A".repeat(HUGE_UNDER_LIMIT)));
        return bodies;
    }

    static List<Body> multipart() {
        List<Body> bodies = new ArrayList<>();
        bodies.add(text("multipart without a boundary", "multipart/form-data", "--x\r\n\r\n"));
        bodies.add(text("multipart cut short", "multipart/form-data; boundary=b",
                "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\n\u0089PNG"));
        bodies.add(part("a traversal file name", TRAVERSAL, "image/png", pngHeaderAndJunk()));
        bodies.add(part("a script file name", SCRIPT + ".png", "image/png", pngHeaderAndJunk()));
        bodies.add(part("an SVG with script", "logo.svg", "image/svg+xml",
                ("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">" + SCRIPT + "</svg>").getBytes(StandardCharsets.UTF_8)));
        bodies.add(part("a CSV with formulas and injections", "x.csv", "text/csv",
                ("=cmd|' /C calc'!A0," + SQL + "," + SCRIPT + "\n@SUM(1),+1,-1\n").getBytes(StandardCharsets.UTF_8)));
        bodies.add(part("an empty file", "", "application/octet-stream", new byte[0]));
        return bodies;
    }

    static List<Body> tabular(String contentType) {
        return List.of(
                text("formulas and injections", contentType, "=cmd|' /C calc'!A0," + SQL + "," + SCRIPT + "\n\u0000,\"unclosed\n"),
                new Body("random bytes", contentType, randomBytes(4096)),
                text("empty", contentType, ""));
    }

    static List<Body> xml() {
        List<Body> bodies = new ArrayList<>();
        String type = "application/xml";
        bodies.add(text("XXE: a local file", type, "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM "
                + "\"file:///etc/passwd\">]><CEB816Message>&x;</CEB816Message>"));
        bodies.add(text("XXE: an external DTD", type, "<?xml version=\"1.0\"?><!DOCTYPE r SYSTEM "
                + "\"http://127.0.0.1:9/evil.dtd\"><CEB312Message/>"));
        bodies.add(text("XXE: a parameter entity", type, "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY % p SYSTEM "
                + "\"http://127.0.0.1:9/p\"> %p;]><CEB312Message/>"));
        bodies.add(text("billion laughs", type, billionLaughs()));
        bodies.add(text("10k-deep elements", type, "<CEB312Message>" + "<a>".repeat(DEPTH) + "</a>".repeat(DEPTH)
                + "</CEB312Message>"));
        bodies.add(text("7 MiB of elements", type, "<CEB312Message>" + "<a>x</a>".repeat((7 << 20) / 8) + "</CEB312Message>"));
        bodies.add(text("a declared encoding that lies", type, "<?xml version=\"1.0\" encoding=\"UTF-16\"?><CEB312Message/>"));
        bodies.add(text("injections in text", type, "<CEB312Message><OrderReturn><orderNo>" + SQL.replace("<", "&lt;")
                + "</orderNo><returnInfo>&lt;script&gt;</returnInfo></OrderReturn></CEB312Message>"));
        bodies.add(text("not XML", type, "{\"name\":\"x\"}"));
        bodies.add(new Body("random bytes", type, randomBytes(4096)));
        return bodies;
    }

    /** Values for path variables: each sent percent-encoded as a browser would, never naming a real resource. */
    static List<String> pathValues() {
        return List.of(enc(TRAVERSAL), "..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2f", enc(SQL), enc(SCRIPT), "%00",
                "%ED%A0%80", "%C0%AE%C0%AE%2F", "%E2%80%AE%F0%9F%98%80", "A".repeat(3000), "-1", "99999999999999999999999");
    }

    /** A query string naming every parameter the application reads, each with a hostile value. */
    static String hostileQuery(String value) {
        return List.of("page", "size", "from", "to", "status", "q", "storeCode", "format", "date", "tenant", "lang", "next",
                        "kind", "brand", "category", "sku", "orderNo", "warehouseCode", "token", "store", "returned",
                        "appVersion", "state", "v").stream()
                .map(name -> name + "=" + value).reduce((a, b) -> a + "&" + b).orElseThrow();
    }

    static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Body object(String name, String value) {
        StringBuilder json = new StringBuilder("{");
        for (String field : FIELDS) {
            json.append(json.length() > 1 ? "," : "").append('"').append(field).append("\":").append(value);
        }
        return text(name, "application/json", json.append('}').toString());
    }

    private static String everyField(String value) {
        return FIELDS.stream().map(f -> f + "=" + value).reduce((a, b) -> a + "&" + b).orElseThrow();
    }

    private static Body part(String name, String fileName, String type, byte[] content) {
        String boundary = "vitrine-hostile-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] photo = ("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return new Body(name, "multipart/form-data; boundary=" + boundary, concat(head, content, photo, content, tail));
    }

    private static byte[] pngHeaderAndJunk() {
        return concat(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, randomBytes(512));
    }

    private static String billionLaughs() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        String previous = "lol";
        for (int i = 1; i <= 9; i++) {
            String name = "lol" + i;
            dtd.append("<!ENTITY ").append(name).append(" \"").append(("&" + previous + ";").repeat(10)).append("\">");
            previous = name;
        }
        return dtd.append("]><CEB816Message>&").append(previous).append(";</CEB816Message>").toString();
    }

    private static byte[] hugeJsonString() {
        byte[] bytes = new byte[HUGE_UNDER_LIMIT];
        java.util.Arrays.fill(bytes, (byte) 'A');
        byte[] head = "{\"name\":\"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[bytes.length - 2] = '"';
        bytes[bytes.length - 1] = '}';
        return bytes;
    }

    static byte[] overLimit() {
        byte[] bytes = new byte[HUGE_OVER_LIMIT];
        java.util.Arrays.fill(bytes, (byte) ' ');
        bytes[0] = '[';
        bytes[bytes.length - 1] = ']';
        return bytes;
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(20261201L + size).nextBytes(bytes);
        return bytes;
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static Body text(String name, String contentType, String body) {
        return new Body(name, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[]... parts) {
        int size = 0;
        for (byte[] part : parts) {
            size += part.length;
        }
        byte[] all = new byte[size];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
