package io.vitrine.benchmarks;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One shopper action of the kiosk load, chosen at random: a checkout ({@link Shopper}: cart, lines, order, Alipay
 * payment through the fake gateway and its notify, read until PAID) with probability {@code checkoutShare}, otherwise
 * one browse request — the search API ({@link SearchMix}: Chinese, pinyin, initials, brands, barcodes, filters, the
 * store's assortment, deep pages), the kiosk's search page with a Chinese word, a kiosk product page, the product API
 * (with the store's stock half of the time) or suggestions of what a shopper typed. Every request is timed from send
 * to answer and recorded per endpoint; a checkout's steps are timed between the steps {@link Shopper} reports.
 */
final class KioskShopper {

    /** Of the browse actions, in this proportion (out of 100). */
    private static final int SEARCH_API = 35;
    private static final int KIOSK_SEARCH = 15;
    private static final int KIOSK_PRODUCT = 15;
    private static final int PRODUCT_API = 20;

    private static final String[] KIOSK_WORDS = {"奶粉", "面霜", "鱼油", "巧克力", "牙膏", "纸尿裤", "精华", "行李箱", "爱他美", "兰蔻"};
    private static final String[] TYPED = {"奶", "nai", "nf", "面", "mian", "鱼油", "yuy", "qkl", "牙", "zhin", "ai", "lanc"};

    private final URI base;
    private final HttpClient http;
    private final Shopper shopper;
    private final List<CheckoutShops.Shop> shops;
    private final List<SearchCatalog.Merchant> merchants;
    private final List<SearchMix.Search> searches;
    private final double checkoutShare;

    KioskShopper(URI base, HttpClient http, Shopper shopper, List<CheckoutShops.Shop> shops,
                 List<SearchCatalog.Merchant> merchants, double checkoutShare) {
        this.base = base;
        this.http = http;
        this.shopper = shopper;
        this.shops = shops;
        this.merchants = merchants;
        this.searches = SearchMix.of(merchants);
        this.checkoutShare = checkoutShare;
    }

    /** One action; its requests go to {@code traffic}. Never throws: a failure is an error of its endpoint. */
    void act(KioskTraffic traffic) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (random.nextDouble() < checkoutShare) {
            checkout(traffic, shops.get(random.nextInt(shops.size())));
            return;
        }
        SearchCatalog.Merchant m = merchants.get(random.nextInt(merchants.size()));
        String kiosk = "/s/" + m.slug() + "/kiosk/" + SearchCatalog.STORE;
        int pick = random.nextInt(100);
        if (pick < SEARCH_API) {
            browse(traffic, "GET /s/{shop}/api/search (search mix)", searches.get(random.nextInt(searches.size())).path());
        } else if (pick < SEARCH_API + KIOSK_SEARCH) {
            browse(traffic, "GET /s/{shop}/kiosk/{store}?q= (kiosk search page)", kiosk + "?q="
                    + encode(KIOSK_WORDS[random.nextInt(KIOSK_WORDS.length)]));
        } else if (pick < SEARCH_API + KIOSK_SEARCH + KIOSK_PRODUCT) {
            browse(traffic, "GET /s/{shop}/kiosk/{store}/p/{sku} (kiosk product page)", kiosk + "/p/"
                    + m.shown().get(random.nextInt(m.shown().size())));
        } else if (pick < SEARCH_API + KIOSK_SEARCH + KIOSK_PRODUCT + PRODUCT_API) {
            browse(traffic, "GET /s/{shop}/api/products/{sku}", "/s/" + m.slug() + "/api/products/"
                    + m.skus().get(random.nextInt(m.skus().size())) + (random.nextBoolean() ? "?store=" + SearchCatalog.STORE : ""));
        } else {
            browse(traffic, "GET /s/{shop}/api/suggest?q=", "/s/" + m.slug() + "/api/suggest?q="
                    + encode(TYPED[random.nextInt(TYPED.length)]));
        }
    }

    private void browse(KioskTraffic traffic, String endpoint, String path) {
        long start = System.nanoTime();
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            long took = System.nanoTime() - start;
            if (answer.statusCode() != 200) {
                traffic.endpoint(endpoint).error();
                traffic.endpoint(KioskTraffic.BROWSE).error();
                return;
            }
            traffic.endpoint(endpoint).record(took);
            traffic.endpoint(KioskTraffic.BROWSE).record(took);
            if (answer.headers().firstValue("X-Search-Degraded").isPresent()) {
                traffic.markDegraded(endpoint);
            }
        } catch (Exception e) {
            traffic.endpoint(endpoint).error();
            traffic.endpoint(KioskTraffic.BROWSE).error();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void checkout(KioskTraffic traffic, CheckoutShops.Shop shop) {
        long start = System.nanoTime();
        long[] last = {start};
        try {
            shopper.checkout(shop, step -> {
                long now = System.nanoTime();
                traffic.endpoint(stepEndpoint(step)).record(now - last[0]);
                last[0] = now;
            });
            traffic.endpoint(KioskTraffic.CHECKOUT).record(System.nanoTime() - start);
        } catch (Exception e) {
            traffic.endpoint(KioskTraffic.CHECKOUT).error();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The request behind a step {@link Shopper} names (its line count dropped). */
    private static String stepEndpoint(String step) {
        String name = step.replaceAll(", \\d lines?$", "");
        return switch (name) {
            case "create cart" -> "checkout: POST /s/{shop}/api/carts";
            case "put a line" -> "checkout: PUT /s/{shop}/api/carts/{id}/items/{sku}";
            case "place the order" -> "checkout: POST /s/{shop}/api/orders";
            case "pay (notify)" -> "checkout: Alipay pays, POST /api/v1/payments/alipay/notify";
            case "read until PAID" -> "checkout: GET /s/{shop}/api/orders/{no}?token= until PAID";
            default -> "checkout: " + name;
        };
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
