package io.vitrine.api.risk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.api.customs.DeclarationScopes;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.api.tenants.Listing;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.oversight.risk.FlagStatus;
import io.vitrine.oversight.risk.RiskDecision;
import io.vitrine.oversight.risk.RiskFlag;
import io.vitrine.oversight.risk.RiskQueue;
import io.vitrine.oversight.risk.RiskReview;
import io.vitrine.oversight.risk.RiskRule;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/risk/flags?status=&tenant=} and {@code POST /api/v1/risk/flags/{id}/resolve} (api.md "risk
 * monitoring"): the held orders of the caller's {@link DeclarationScopes scope} — a merchant's admins their own,
 * a park's admins and customs officers every member's — and the park admin's decision on one. Another park's flag
 * is 404, as if it did not exist.
 */
@Controller("/api/v1/risk/flags")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"RETAILER_ADMIN", "PARK_ADMIN", "CUSTOMS_OFFICER"})
@Tag(name = "Risk control")
class RiskFlagsController {

    private final RiskQueue queue;
    private final RiskReview review;
    private final DeclarationScopes scopes;

    RiskFlagsController(RiskQueue queue, RiskReview review, DeclarationScopes scopes) {
        this.queue = queue;
        this.review = review;
        this.scopes = scopes;
    }

    @Get
    @Operation(summary = "Risk flags (held orders), newest first (at most 200): {items, total}",
            description = "status: OPEN, RELEASED or CANCELLED (any when absent); tenant: one member's slug (park "
                    + "staff). Bad values: 400 naming the field.")
    Listing<FlagView> list(Authentication caller, @Nullable @QueryValue String status,
                           @Nullable @QueryValue String tenant) {
        FieldChecks checks = new FieldChecks();
        FlagStatus wanted = status == null || status.isBlank() ? null : checks.oneOf("status", status, FlagStatus.class);
        checks.throwIfAny();
        DeclarationScopes.Scope scope = scopes.of(caller, tenant);
        List<FlagView> flags = queue.list(scope.ids(), wanted).stream().map(f -> FlagView.of(f, scope)).toList();
        return new Listing<>(flags, flags.size());
    }

    @Get("/{id}")
    @Operation(summary = "One risk flag", description = "Unknown or another tenant's: 404.")
    FlagView get(Authentication caller, @PathVariable String id) {
        DeclarationScopes.Scope scope = scopes.of(caller, null);
        return FlagView.of(queue.get(scope.ids(), id), scope);
    }

    @Post("/{id}/resolve")
    @Secured("PARK_ADMIN")
    @Operation(summary = "Decides a held order: RELEASE (declared, once) or CANCEL (cancelled, refunded in full)",
            description = "Body {decision: RELEASE|CANCEL, note (optional, at most 200 characters)}. 400 naming the "
                    + "field; 404 unknown or not a member's; 409 RISK_FLAG_RESOLVED (already decided) or "
                    + "ORDER_NOT_ON_HOLD (the shop cancelled it meanwhile: cancel the flag instead). Audited.")
    FlagView resolve(Authentication caller, @PathVariable String id, @Nullable @Body ResolveRequest request) {
        FieldChecks checks = new FieldChecks();
        RiskDecision decision = checks.oneOf("decision", request == null ? null : request.decision(), RiskDecision.class);
        String note = request == null ? null : checks.optionalText("note", request.note(), 200);
        checks.throwIfAny();
        DeclarationScopes.Scope scope = scopes.of(caller, null);
        return FlagView.of(review.resolve(scope.ids(), StaffClaims.actorOf(caller), id, decision, note), scope);
    }

    @Serdeable
    record ResolveRequest(@Nullable String decision, @Nullable String note) {
    }

    @Serdeable
    record FlagView(String id, String tenant, String orderNo, String storeCode, List<String> rules, String evidence,
                    String status, Instant createdAt, @Nullable Instant resolvedAt, @Nullable String resolvedBy,
                    @Nullable String note) {

        static FlagView of(RiskFlag f, DeclarationScopes.Scope scope) {
            return new FlagView(f.id(), scope.slugOf(f.tenant()), f.orderNo(), f.storeCode(),
                    f.rules().stream().map(RiskRule::name).toList(), f.evidence(), f.status().name(), f.createdAt(),
                    f.resolvedAt(), f.resolvedBy(), f.note());
        }
    }
}
