package io.vitrine.api.console.risk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import io.vitrine.api.console.ChinaTimeText;
import io.vitrine.api.console.ConsoleLinks;
import io.vitrine.api.console.ConsolePage;
import io.vitrine.api.console.FormBody;
import io.vitrine.api.console.FormErrors;
import io.vitrine.api.console.OneTimeForms;
import io.vitrine.api.customs.DeclarationScopes;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.oversight.risk.ComplianceScores;
import io.vitrine.oversight.risk.FlagStatus;
import io.vitrine.oversight.risk.ParkRules;
import io.vitrine.oversight.risk.RiskDecision;
import io.vitrine.oversight.risk.RiskQueue;
import io.vitrine.oversight.risk.RiskReview;
import io.vitrine.oversight.risk.RiskRule;
import io.vitrine.oversight.risk.RiskRuleBook;
import io.vitrine.oversight.risk.RuleSettings;
import io.vitrine.tenants.access.Actor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /console/risk}: the park admin's review queue (each held order of a member, the rules it matched and
 * their evidence, release or cancel), the park's rules (on/off and figures) and the members' compliance scores.
 * Every decision goes through oversight's {@link RiskReview}, audited; a second click finds it resolved (409).
 */
@Controller("/console/risk")
@Secured("PARK_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@Hidden
final class RiskPage {

    private final RiskQueue queue;
    private final RiskReview review;
    private final RiskRuleBook rules;
    private final ComplianceScores scores;
    private final DeclarationScopes scopes;
    private final OneTimeForms forms;

    RiskPage(RiskQueue queue, RiskReview review, RiskRuleBook rules, ComplianceScores scores,
             DeclarationScopes scopes, OneTimeForms forms) {
        this.queue = queue;
        this.review = review;
        this.rules = rules;
        this.scores = scores;
        this.scopes = scopes;
        this.forms = forms;
    }

    @Get
    HttpResponse<?> show(Authentication caller, @Nullable @QueryValue String status, @Nullable @QueryValue String done) {
        // only the notices this page itself links to; anything else shows none
        String notice = done != null && List.of("RELEASED", "CANCELLED", "RULES").contains(done) ? done : null;
        return page(HttpStatus.OK, caller, status, notice, null, Map.of());
    }

    @Post(value = "/flags/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> resolve(HttpRequest<?> request, @PathVariable String id, @Body ResolveFields form,
                            @Nullable @Body(OneTimeForms.FIELD) String formToken, Authentication caller) {
        return forms.once(request, caller, formToken, form, () -> resolveOnce(request, id, form, caller));
    }

    private HttpResponse<?> resolveOnce(HttpRequest<?> request, String id, ResolveFields form, Authentication caller) {
        FieldChecks checks = new FieldChecks();
        RiskDecision decision = checks.oneOf("decision", form.decision(), RiskDecision.class);
        String note = checks.optionalText("note", form.note(), 200);
        try {
            checks.throwIfAny();
            review.resolve(scopes.of(caller, null).ids(), StaffClaims.actorOf(caller), id, decision, note);
            return ConsoleLinks.seeOther(request, "/console/risk?done=" + decision.outcome().name());
        } catch (InvalidInputException invalid) {
            return page(HttpStatus.BAD_REQUEST, caller, null, null, null, FormErrors.of(invalid, request));
        } catch (ConflictException resolved) {
            String code = RiskReview.RESOLVED.equals(resolved.code()) || RiskReview.NOT_ON_HOLD.equals(resolved.code())
                    ? resolved.code() : "OTHER";
            return page(HttpStatus.CONFLICT, caller, null, null, code, Map.of());
        }
    }

    @Post(value = "/rules", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> saveRules(HttpRequest<?> request, Authentication caller) {
        FormBody body = FormBody.of(request);
        Actor admin = StaffClaims.actorOf(caller);
        ParkRules current = rules.of(admin.tenantId().orElseThrow());
        FieldChecks checks = new FieldChecks();
        List<RuleSettings> changes = new ArrayList<>();
        for (RiskRule rule : RiskRule.values()) {
            RuleSettings was = current.of(rule);
            Integer threshold = number(checks, body, rule, "threshold");
            Integer window = number(checks, body, rule, "windowHours");
            Integer ratio = rule.usesRatio() ? number(checks, body, rule, "ratioPercent") : Integer.valueOf(was.ratioPercent());
            if (threshold != null && window != null && ratio != null) {
                RuleSettings settings = new RuleSettings(rule, body.first(rule.name() + ".enabled") != null, threshold,
                        window, ratio);
                settings.check(checks, rule.name() + ".");
                changes.add(settings);
            }
        }
        try {
            checks.throwIfAny();
            rules.update(admin, changes);
            return ConsoleLinks.seeOther(request, "/console/risk?done=RULES");
        } catch (InvalidInputException invalid) {
            return page(HttpStatus.BAD_REQUEST, caller, null, null, null, FormErrors.of(invalid, request));
        }
    }

    @Nullable
    private static Integer number(FieldChecks checks, FormBody body, RiskRule rule, String name) {
        String field = rule.name() + "." + name;
        String raw = body.first(field);
        if (raw == null || raw.isBlank()) {
            return checks.fail(field, "REQUIRED", "is required");
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            return checks.fail(field, "RISK_WHOLE_NUMBER", "must be a whole number");
        }
    }

    private HttpResponse<?> page(HttpStatus httpStatus, Authentication caller, @Nullable String status,
                                 @Nullable String done, @Nullable String conflict, Map<String, String> errors) {
        Actor admin = StaffClaims.actorOf(caller);
        DeclarationScopes.Scope scope = scopes.of(caller, null);
        FlagStatus wanted = FlagStatus.OPEN;
        for (FlagStatus s : FlagStatus.values()) {
            if (s.name().equals(status)) {
                wanted = s;
            }
        }
        TenantId park = admin.tenantId().orElseThrow();
        List<FlagRow> flags = queue.list(scope.ids(), wanted).stream().map(f -> new FlagRow(f.id(),
                scope.nameOf(f.tenant()), f.orderNo(), f.storeCode(), f.rules().stream().map(RiskRule::name).toList(),
                f.evidence(), f.status().name(), ChinaTimeText.of(f.createdAt()), ChinaTimeText.of(f.resolvedAt()),
                f.resolvedBy() == null ? "" : f.resolvedBy(), f.note() == null ? "" : f.note())).toList();
        List<ScoreRow> scoreRows = scores.of(scope.ids()).stream().map(s -> new ScoreRow(scope.nameOf(s.tenant()),
                s.declarations(), s.rejections(), s.returns(), s.flags(), s.score())).toList();
        List<RuleRow> ruleRows = rules.of(park).all().stream().map(s -> new RuleRow(s.rule().name(), s.enabled(),
                s.threshold(), s.windowHours(), s.ratioPercent(), s.rule().usesRatio())).toList();
        return ConsolePage.render(httpStatus, "risk", ConsolePage.model(caller,
                "flags", flags,
                "status", wanted.name(),
                "statuses", List.of("OPEN", "RELEASED", "CANCELLED"),
                "rules", ruleRows,
                "scores", scoreRows,
                "done", done,
                "conflict", conflict,
                "errors", errors));
    }

    @Serdeable
    public record ResolveFields(@Nullable String decision, @Nullable String note) {
    }

    public record FlagRow(String id, String tenant, String orderNo, String storeCode, List<String> rules,
                          String evidence, String status, String createdAt, String resolvedAt, String resolvedBy,
                          String note) {
    }

    public record RuleRow(String rule, boolean enabled, int threshold, int windowHours, int ratioPercent,
                          boolean usesRatio) {
    }

    public record ScoreRow(String tenant, long declarations, long rejections, long returns, long flags, int score) {
    }
}
