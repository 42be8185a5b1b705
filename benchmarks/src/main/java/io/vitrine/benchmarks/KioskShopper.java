package io.vitrine.benchmarks;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

    /** One kind of browse request: its endpoint's name, its share of the browse actions (out of 100), a path for it. */
    private record Browse(String endpoint, int share, BrowsePath path) {
    }

    @FunctionalInterface
    private interface BrowsePath {
        String of(SearchCatalog.Merchant merchant, ThreadLocalRandom random);
    }

    private static final String[] KIOSK_WORDS = {"奶粉", "面霜", "鱼油", "巧克力", "牙膏", "纸尿裤", "精华", "行李箱", "爱他美", "兰蔻"};
    private static final String[] TYPED = {"奶", "nai", "nf", "面", "mian", "鱼油", "yuy", "qkl", "牙", "zhin", "ai", "lanc"};

    private final URI base;
    private final HttpClient http;
    private final Shopper shopper;
    private final List<CheckoutShops.Shop> shops;
    private final List<SearchCatalog.Merchant> merchants;
    private final List<SearchMix.Search> searches;
    private final double checkoutShare;
    private final List<Browse> kinds;
    /** Endpoints that failed before any load ({@link #preflight}): left out of the all-browse figures. */
    private final Set<String> broken = ConcurrentHashMap.newKeySet();

    KioskShopper(URI base, HttpClient http, Shopper shopper, List<CheckoutShops.Shop> shops,
                 List<SearchCatalog.Merchant> merchants, double checkoutShare) {
        this.base = base;
        this.http = http;
        this.shopper = shopper;
        this.shops = shops;
        this.merchants = merchants;
        this.searches = SearchMix.of(merchants);
        this.checkoutShare = checkoutShare;
        this.kinds = List.of(
                new Browse("GET /s/{shop}/api/search (search mix)", 35, (m, r) -> searches.get(r.nextInt(searches.size())).path()),
                new Browse("GET /s/{shop}/kiosk/{store}?q= (kiosk search page)", 15, (m, r) -> kiosk(m) + "?q="
                        + encode(KIOSK_WORDS[r.nextInt(KIOSK_WORDS.length)])),
                new Browse("GET /s/{shop}/kiosk/{store}/p/{sku} (kiosk product page)", 15, (m, r) -> kiosk(m) + "/p/"
                        + m.shown().get(r.nextInt(m.shown().size()))),
                new Browse("GET /s/{shop}/api/products/{sku}", 20, (m, r) -> "/s/" + m.slug() + "/api/products/"
                        + m.skus().get(r.nextInt(m.skus().size())) + (r.nextBoolean() ? "?store=" + SearchCatalog.STORE : "")),
                new Browse("GET /s/{shop}/api/suggest?q=", 15, (m, r) -> "/s/" + m.slug() + "/api/suggest?q="
                        + encode(TYPED[r.nextInt(TYPED.length)])));
    }

    /**
     * Each kind of browse request sent once, before any load: the ones that do not answer 200 then are broken whatever
     * the load (a bug, not a bottleneck) and are not sent during the load ({@link #act}). Returns what each answered.
     */
    List<String> preflight() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<String> answers = new java.util.ArrayList<>();
        for (Browse kind : kinds) {
            String path = kind.path().of(merchants.get(0), random);
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofSeconds(15)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    broken.add(kind.endpoint());
                    answers.add(kind.endpoint() + ": " + path + " answered " + answer.statusCode() + " "
                            + answer.body().substring(0, Math.min(200, answer.body().length())).replaceAll("\\s+", " "));
                }
            } catch (Exception e) {
                broken.add(kind.endpoint());
                answers.add(kind.endpoint() + ": " + path + " not answered: " + e);
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return answers;
    }

    /**
     * One action; its requests go to {@code traffic}. Never throws: a failure is an error of its endpoint. A kind of
     * browse request broken before any load ({@link #preflight}) is not sent: its share goes to the others (a request
     * that hangs would hold a thread of the generator and of the application, and measure the bug, not the load).
     */
    void act(KioskTraffic traffic) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (random.nextDouble() < checkoutShare) {
            checkout(traffic, shops.get(random.nextInt(shops.size())));
            return;
        }
        SearchCatalog.Merchant m = merchants.get(random.nextInt(merchants.size()));
        List<Browse> working = kinds.stream().filter(k -> !broken.contains(k.endpoint())).toList();
        int pick = random.nextInt(working.stream().mapToInt(Browse::share).sum());
        for (Browse kind : working) {
            pick -= kind.share();
            if (pick < 0) {
                browse(traffic, kind.endpoint(), kind.path().of(m, random));
                return;
            }
        }
    }

    private static String kiosk(SearchCatalog.Merchant m) {
        return "/s/" + m.slug() + "/kiosk/" + SearchCatalog.STORE;
    }

    private void browse(KioskTraffic traffic, String endpoint, String path) {
        long start = System.nanoTime();
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            long took = System.nanoTime() - start;
            if (answer.statusCode() != 200) {
                error(traffic, endpoint);
                return;
            }
            traffic.endpoint(endpoint).record(took);
            traffic.endpoint(KioskTraffic.BROWSE).record(took);
            if (answer.headers().firstValue("X-Search-Degraded").isPresent()) {
                traffic.markDegraded(endpoint);
            }
        } catch (Exception e) {
            error(traffic, endpoint);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void error(KioskTraffic traffic, String endpoint) {
        traffic.endpoint(endpoint).error();
        traffic.endpoint(KioskTraffic.BROWSE).error();
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
