package io.vitrine.kernel.idempotency.infra;

import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.idempotency.Claim;
import io.vitrine.kernel.idempotency.IdempotencyKey;
import io.vitrine.kernel.idempotency.IdempotencyKeys;
import io.vitrine.kernel.idempotency.IdempotencyScope;
import io.vitrine.kernel.idempotency.IdempotencySettings;
import io.vitrine.kernel.idempotency.RecordedResponse;
import io.vitrine.kernel.privacy.BlindIndex;
import io.vitrine.kernel.privacy.PersonalDataCipher;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Idempotency keys in the {@code idempotency_keys} table (migration V8), so every instance sees every
 * key. The primary key decides races: of two claims of a new key, one INSERT wins and the other finds
 * the winner's row. Each step is its own short transaction, outside the request's: the claim must be
 * visible to other instances while the request runs, and the record must outlive it.
 */
@Singleton
@Requires(beans = DataSource.class)
class JdbcIdempotencyKeys implements IdempotencyKeys {

    /** A repeat arriving while the first still runs is told to come back in about this long. */
    static final Duration RETRY_IN_FLIGHT_AFTER = Duration.ofSeconds(1);
    private static final TransactionDefinition OWN = TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW);
    /** Claims lost to a concurrent release or takeover before this one gives up and says "in flight". */
    private static final int ATTEMPTS = 3;

    private final TransactionOperations<Connection> transactions;
    private final BlindIndex index;
    private final PersonalDataCipher cipher;
    private final IdempotencySettings settings;
    private final Clock clock;
    private final Ids ids;

    JdbcIdempotencyKeys(TransactionOperations<Connection> transactions, BlindIndex index, PersonalDataCipher cipher,
                        IdempotencySettings settings, Clock clock, Ids ids) {
        this.transactions = transactions;
        this.index = index;
        this.cipher = cipher;
        this.settings = settings;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Claim claim(IdempotencyScope scope, IdempotencyKey key, byte[] requestSha256) {
        String keyHash = index.of("idempotency-key", (scope.tenantId().map(t -> t.value()).orElse("_platform")
                + "\n" + scope.principal() + "\n" + key.value()).getBytes(StandardCharsets.UTF_8));
        String requestHash = index.of("idempotency-request", requestSha256);
        String tenant = scope.tenantId().map(t -> t.value()).orElse(null);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            String token = ids.nextId();
            if (sql(c -> IdempotencyRows.insert(c, keyHash, tenant, requestHash, token, now, settings))) {
                return new Claim.Granted(keyHash, token);
            }
            Optional<IdempotencyRows.Row> found = sql(c -> IdempotencyRows.find(c, keyHash));
            if (found.isEmpty()) {
                continue; // released between our INSERT and SELECT: try the INSERT again
            }
            IdempotencyRows.Row row = found.get();
            boolean expired = !row.expiresAt().isAfter(now);
            if (!expired && !row.requestHash().equals(requestHash)) {
                return new Claim.Mismatch();
            }
            if (!expired && row.completed()) {
                return new Claim.Replay(decrypt(row));
            }
            if (!expired && row.claimedUntil().isAfter(now)) {
                return new Claim.InFlight(RETRY_IN_FLIGHT_AFTER);
            }
            // expired but not purged yet (a new key, as far as anyone knows), or its attempt died
            if (sql(c -> IdempotencyRows.takeOver(c, keyHash, row.claimToken(), tenant, requestHash, token, now, settings))) {
                return new Claim.Granted(keyHash, token);
            }
        }
        return new Claim.InFlight(RETRY_IN_FLIGHT_AFTER);
    }

    @Override
    public boolean complete(Claim.Granted claim, RecordedResponse response) {
        String body = cipher.encrypt(Base64.getEncoder().encodeToString(response.body()));
        return sql(c -> IdempotencyRows.complete(c, claim.keyHash(), claim.token(), response.status(),
                response.contentType(), body));
    }

    @Override
    public boolean release(Claim.Granted claim) {
        return sql(c -> IdempotencyRows.release(c, claim.keyHash(), claim.token()));
    }

    @Override
    public int purgeExpired() {
        Instant now = clock.instant();
        int total = 0;
        int deleted;
        do {
            deleted = sql(c -> IdempotencyRows.deleteExpired(c, now, settings.purgeBatchSize()));
            total += deleted;
        } while (deleted == settings.purgeBatchSize());
        return total;
    }

    private RecordedResponse decrypt(IdempotencyRows.Row row) {
        byte[] body = Base64.getDecoder().decode(cipher.decrypt(row.responseBody()));
        return new RecordedResponse(row.responseStatus(), row.contentType(), body);
    }

    private <T> T sql(IdempotencyRows.Work<T> work) {
        return transactions.execute(OWN, status -> {
            try {
                return work.run(status.getConnection());
            } catch (SQLException e) {
                throw new IllegalStateException("idempotency keys SQL failed: " + e.getMessage(), e);
            }
        });
    }
}
