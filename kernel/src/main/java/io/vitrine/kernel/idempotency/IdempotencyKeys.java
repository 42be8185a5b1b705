package io.vitrine.kernel.idempotency;

/**
 * Idempotency keys, shared by every instance. A request carrying a key is {@link #claim claimed}
 * before it runs. The first claim of a key wins it; a repeat of the same request (same method,
 * target and body) gets the recorded answer, or is told to wait while the first still runs; another
 * request under the same key is a mismatch. Keys expire after {@code vitrine.idempotency.retention}.
 *
 * <p>A claimed request's answer is {@link #complete recorded} when it is the result (a success or a
 * client error); a failure that may go away ({@code 5xx}, a crash, a rate limit) {@link #release
 * releases} the key so the client can retry. A claim whose attempt died without either (the instance
 * stopped) is taken over by a retry after {@code vitrine.idempotency.in-flight-lease}.
 */
public interface IdempotencyKeys {

    /**
     * @param requestSha256 SHA-256 of what identifies the request: method, target and body as received
     */
    Claim claim(IdempotencyScope scope, IdempotencyKey key, byte[] requestSha256);

    /** Records the answer; false when the claim is no longer this attempt's (it was taken over). */
    boolean complete(Claim.Granted claim, RecordedResponse response);

    /** Frees the key for a retry; false when the claim is no longer this attempt's. */
    boolean release(Claim.Granted claim);

    /** Deletes expired keys; how many. */
    int purgeExpired();
}
