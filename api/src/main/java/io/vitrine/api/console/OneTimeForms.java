package io.vitrine.api.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ModelAndViewRenderer;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.idempotency.Claim;
import io.vitrine.kernel.idempotency.IdempotencyKey;
import io.vitrine.kernel.idempotency.IdempotencyKeys;
import io.vitrine.kernel.idempotency.IdempotencyScope;
import io.vitrine.kernel.idempotency.RecordedResponse;
import io.vitrine.tenants.access.Actor;
import jakarta.inject.Singleton;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Console forms that create something run once per page shown (a double click, a reload of the answer, the
 * browser retrying): every page carries a fresh one-time {@code formToken} ({@link ConsolePage#model}), the
 * form sends it in a hidden field, and the form's action claims it in the kernel's idempotency store — the
 * store behind the API's {@code Idempotency-Key}, shared by every instance, with the token as the key and the
 * signed-in staff member as its scope. The first request runs; a repeat gets the first answer again, byte for
 * byte, and nothing runs twice: a double-clicked registration shows the one device's pairing code, not a
 * second device. The answer is kept sealed (the store encrypts recorded bodies) for the store's retention.
 *
 * <p>Only an answer that did something is kept: a page (200) or a redirect (303, kept as its address). A
 * refused form (400, 409 on a taken code) or an error frees the token, so the form sent again with other
 * values runs. Chosen over disabling the button alone (console.js does that too, as a courtesy): a page
 * without script, a reload, or the browser's own retry of a lost response would still send twice.
 */
@Singleton
public final class OneTimeForms {

    /** The hidden field's name. */
    public static final String FIELD = "formToken";

    private static final String REDIRECT = "text/uri-list";
    private static final long WAIT_FOR_FIRST_MILLIS = 5_000;
    private static final long POLL_MILLIS = 50;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final IdempotencyKeys keys;
    private final ModelAndViewRenderer<Map<String, Object>, HttpRequest<?>> pages;

    OneTimeForms(IdempotencyKeys keys, ModelAndViewRenderer<Map<String, Object>, HttpRequest<?>> pages) {
        this.keys = keys;
        this.pages = pages;
    }

    /** 128 random bits, base64url: what a page puts in its forms. */
    static String newToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Runs {@code action} unless this token already ran it. {@code form} is the bound form (a record: its
     * text names every value), which with the method and path makes the request's fingerprint. Without a
     * token (a client that is not our page) the action simply runs.
     */
    public HttpResponse<?> once(HttpRequest<?> request, Authentication caller, @Nullable String token, Object form,
                                Supplier<HttpResponse<?>> action) {
        if (token == null || token.isBlank()) {
            return action.get();
        }
        Actor staff = StaffClaims.actorOf(caller);
        IdempotencyScope scope = IdempotencyScope.of(staff.tenant(), "staff", staff.id());
        IdempotencyKey key = IdempotencyKey.parse("console-form:" + token.strip());
        byte[] fingerprint = fingerprint(request, form);
        Claim claim = claim(scope, key, fingerprint);
        if (claim instanceof Claim.Replay replay) {
            return replay(replay.response());
        }
        if (claim instanceof Claim.Mismatch) {
            throw new ConflictException("This form was sent already with other values: open the page again.");
        }
        if (claim instanceof Claim.InFlight) {
            throw new ConflictException("This form is being sent already: open the page again in a moment.");
        }
        Claim.Granted granted = (Claim.Granted) claim;
        HttpResponse<?> answer;
        try {
            answer = action.get();
        } catch (RuntimeException failed) {
            keys.release(granted);
            throw failed;
        }
        Optional<RecordedResponse> recorded = record(answer, request);
        if (recorded.isEmpty() || !keys.complete(granted, recorded.get())) {
            keys.release(granted);
            return answer;
        }
        return replay(recorded.get()).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** A repeat that arrives while the first still runs (a double click) waits a little for its answer. */
    private Claim claim(IdempotencyScope scope, IdempotencyKey key, byte[] fingerprint) {
        long giveUp = System.nanoTime() + WAIT_FOR_FIRST_MILLIS * 1_000_000;
        Claim claim = keys.claim(scope, key, fingerprint);
        while (claim instanceof Claim.InFlight && System.nanoTime() < giveUp) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return claim;
            }
            claim = keys.claim(scope, key, fingerprint);
        }
        return claim;
    }

    /** A page as it was rendered, or a redirect as its address; anything else is not kept. */
    private Optional<RecordedResponse> record(HttpResponse<?> answer, HttpRequest<?> request) {
        int status = answer.code();
        if (status == HttpStatus.SEE_OTHER.getCode()) {
            return Optional.ofNullable(answer.getHeaders().get(HttpHeaders.LOCATION))
                    .map(location -> new RecordedResponse(status, REDIRECT, location.getBytes(StandardCharsets.UTF_8)));
        }
        if (status != HttpStatus.OK.getCode() || !(answer.body() instanceof ModelAndView<?> page)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        ModelAndView<Map<String, Object>> view = (ModelAndView<Map<String, Object>>) page;
        return pages.render(view, request, MediaType.TEXT_HTML)
                .map(html -> new RecordedResponse(status, MediaType.TEXT_HTML + ";charset=utf-8", bytes(html)));
    }

    private static MutableHttpResponse<?> replay(RecordedResponse recorded) {
        if (REDIRECT.equals(recorded.contentType())) {
            return HttpResponse.seeOther(URI.create(new String(recorded.body(), StandardCharsets.UTF_8)));
        }
        return HttpResponse.status(HttpStatus.valueOf(recorded.status()))
                .contentType(recorded.contentType())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(recorded.body());
    }

    private static byte[] bytes(Writable html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            html.writeTo(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the page", e);
        }
        return out.toByteArray();
    }

    private static byte[] fingerprint(HttpRequest<?> request, Object form) {
        try {
            return MessageDigest.getInstance("SHA-256").digest((request.getMethodName() + "\n"
                    + request.getUri().getRawPath() + "\n" + form).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
