package io.vitrine.api.idempotency;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.body.ByteBody;
import io.micronaut.security.authentication.Authentication;
import io.vitrine.api.security.ClientAddress;
import io.vitrine.api.security.SignedDevice;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.kernel.idempotency.IdempotencyScope;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.devices.signing.DeviceCredential;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * What makes two requests "the same" for an idempotency key: who sent them (the scope) and what they
 * asked (method, target, body).
 */
@Singleton
class IdempotentRequests {

    private final ClientAddress clientAddress;

    IdempotentRequests(ClientAddress clientAddress) {
        this.clientAddress = clientAddress;
    }

    /**
     * A signed device's key and tenant; else the signed-in staff member and their tenant (none for a
     * platform admin); else, for anonymous callers (applicants, invitees), the client address.
     */
    IdempotencyScope scopeOf(HttpRequest<?> request) {
        Optional<DeviceCredential> device = SignedDevice.of(request);
        if (device.isPresent()) {
            return IdempotencyScope.of(device.get().tenant(), "device", device.get().deviceKey());
        }
        Optional<Authentication> staff = request.getUserPrincipal(Authentication.class);
        if (staff.isPresent()) {
            Actor actor = StaffClaims.actorOf(staff.get());
            return IdempotencyScope.of(actor.tenant(), "staff", actor.id());
        }
        return IdempotencyScope.of(null, "address", clientAddress.of(request));
    }

    /**
     * SHA-256 of method, target (path and query as sent) and the body's bytes as received, read from a
     * split copy so the route still binds the original (a multipart upload included).
     */
    byte[] fingerprint(HttpRequest<?> request) {
        MessageDigest sha256 = sha256();
        String head = request.getMethodName() + "\n" + request.getUri().getRawPath()
                + (request.getUri().getRawQuery() == null ? "" : "?" + request.getUri().getRawQuery()) + "\n";
        sha256.update(head.getBytes(StandardCharsets.UTF_8));
        if (request instanceof ServerHttpRequest<?> server) {
            try (InputStream body = server.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST).toInputStream();
                 DigestOutputStream digest = new DigestOutputStream(java.io.OutputStream.nullOutputStream(), sha256)) {
                body.transferTo(digest);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the request body", e);
            }
        }
        return sha256.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
