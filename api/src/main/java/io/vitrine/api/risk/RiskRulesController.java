package io.vitrine.api.risk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
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
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.oversight.risk.ComplianceScore;
import io.vitrine.oversight.risk.ComplianceScores;
import io.vitrine.oversight.risk.ParkRules;
import io.vitrine.oversight.risk.RiskRule;
import io.vitrine.oversight.risk.RiskRuleBook;
import io.vitrine.oversight.risk.RiskScopes;
import io.vitrine.oversight.risk.RuleSettings;
import io.vitrine.tenants.access.Actor;

import java.util.ArrayList;
import java.util.List;

/**
 * The park's risk rules ({@code GET/PUT /api/v1/risk/rules}: its staff and its members' admins read them, its
 * PARK_ADMIN changes them, audited) and the members' compliance scores ({@code GET /api/v1/risk/scores}).
 */
@Controller("/api/v1/risk")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"RETAILER_ADMIN", "PARK_ADMIN", "CUSTOMS_OFFICER"})
@Tag(name = "Risk control")
class RiskRulesController {

    private final RiskRuleBook book;
    private final RiskScopes riskScopes;
    private final ComplianceScores scores;
    private final DeclarationScopes scopes;

    RiskRulesController(RiskRuleBook book, RiskScopes riskScopes, ComplianceScores scores, DeclarationScopes scopes) {
        this.book = book;
        this.riskScopes = riskScopes;
        this.scores = scores;
        this.scopes = scopes;
    }

    @Get("/rules")
    @Operation(summary = "The rules of the caller's park, each on or off with its figures")
    RulesView rules(Authentication caller) {
        return RulesView.of(book.of(parkOf(StaffClaims.actorOf(caller))));
    }

    @Put("/rules")
    @Secured("PARK_ADMIN")
    @Operation(summary = "Changes some of the park's rules",
            description = "Body {rules: [{rule, enabled, threshold, windowHours, ratioPercent}]}: a field left out "
                    + "keeps its value. Ranges: threshold 1–100000, windowHours 1–8760, ratioPercent 1–100 "
                    + "(ORDER_SPLITTING) or 100–10000 (SALES_SPIKE). 400 naming rules[i].<field>; nothing saved then.")
    RulesView update(Authentication caller, @Nullable @Body RulesRequest request) {
        Actor actor = StaffClaims.actorOf(caller);
        ParkRules current = book.of(parkOf(actor));
        FieldChecks checks = new FieldChecks();
        List<RuleSettings> changes = new ArrayList<>();
        List<RuleForm> forms = request == null || request.rules() == null ? List.of() : request.rules();
        if (forms.isEmpty()) {
            checks.fail("rules", "REQUIRED", "is required: at least one rule");
        }
        for (int i = 0; i < forms.size(); i++) {
            RuleForm form = forms.get(i);
            RiskRule rule = form == null ? checks.fail("rules[" + i + "]", "REQUIRED", "is required")
                    : checks.oneOf("rules[" + i + "].rule", form.rule(), RiskRule.class);
            if (rule != null) {
                RuleSettings was = current.of(rule);
                RuleSettings settings = new RuleSettings(rule, form.enabled() == null ? was.enabled() : form.enabled(),
                        form.threshold() == null ? was.threshold() : form.threshold(),
                        form.windowHours() == null ? was.windowHours() : form.windowHours(),
                        form.ratioPercent() == null ? was.ratioPercent() : form.ratioPercent());
                settings.check(checks, "rules[" + i + "].");
                changes.add(settings);
            }
        }
        checks.throwIfAny();
        return RulesView.of(book.update(actor, changes));
    }

    @Get("/scores")
    @Operation(summary = "Compliance score of each tenant the caller oversees (a merchant: its own): {items, total}",
            description = "tenant: one member's slug. Score 0–100 from declarations rejected, returns and risk flags "
                    + "in the last 90 days.")
    Listing<ScoreView> scores(Authentication caller, @Nullable @QueryValue String tenant) {
        DeclarationScopes.Scope scope = scopes.of(caller, tenant);
        List<ScoreView> found = scores.of(scope.ids()).stream().map(s -> new ScoreView(scope.slugOf(s.tenant()),
                scope.nameOf(s.tenant()), s.declarations(), s.rejections(), s.returns(), s.flags(), s.score())).toList();
        return new Listing<>(found, found.size());
    }

    private TenantId parkOf(Actor actor) {
        return actor.tenantId().map(riskScopes::scopeOf).orElseThrow(() -> new NotFoundException("No such park."));
    }

    @Serdeable
    record RulesRequest(@Nullable List<RuleForm> rules) {
    }

    @Serdeable
    record RuleForm(@Nullable String rule, @Nullable Boolean enabled, @Nullable Integer threshold,
                    @Nullable Integer windowHours, @Nullable Integer ratioPercent) {
    }

    @Serdeable
    record RuleView(String rule, boolean enabled, int threshold, int windowHours, int ratioPercent) {
    }

    @Serdeable
    record RulesView(List<RuleView> rules) {

        static RulesView of(ParkRules rules) {
            return new RulesView(rules.all().stream().map(s -> new RuleView(s.rule().name(), s.enabled(),
                    s.threshold(), s.windowHours(), s.ratioPercent())).toList());
        }
    }

    @Serdeable
    record ScoreView(String tenant, String name, long declarations, long rejections, long returns, long flags,
                     int score) {
    }
}
