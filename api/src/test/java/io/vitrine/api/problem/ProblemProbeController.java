package io.vitrine.api.problem;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import io.vitrine.kernel.error.BusinessRuleException;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.FieldError;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.error.NotFoundException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.tenants.onboarding.MerchantApplicationRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import java.util.List;

/** Test-only endpoints that fail in each way the problem+json mapping must handle. */
@Controller("/test-only/problems")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class ProblemProbeController {

    private final CurrentTenant currentTenant;
    private final MerchantApplicationRepository applications;

    ProblemProbeController(CurrentTenant currentTenant, MerchantApplicationRepository applications) {
        this.currentTenant = currentTenant;
        this.applications = applications;
    }

    @Serdeable
    record OrderDraft(@NotBlank String storeCode, @NotEmpty List<@Valid Line> items) {
    }

    @Serdeable
    record Line(@NotBlank String sku, @Min(1) int qty) {
    }

    @Post("/orders")
    HttpResponse<OrderDraft> place(@Body @Valid OrderDraft draft) {
        return HttpResponse.created(draft);
    }

    @Get("/invalid-input")
    void invalidInput() {
        throw new InvalidInputException(List.of(new FieldError("buyer.idNumber", "check digit does not match")));
    }

    @Get("/business-rule")
    void businessRule() {
        throw new BusinessRuleException("ANNUAL_LIMIT_EXCEEDED", "This order would take the buyer over the annual limit of 26000 CNY.");
    }

    @Get("/not-found")
    void notFound() {
        throw new NotFoundException("No order ORD-404 here.");
    }

    @Get("/conflict")
    void conflict() {
        throw new ConflictException("The order is already paid.");
    }

    @Get("/crash")
    void crash() {
        throw new IllegalStateException("connection to db-secret-host refused, password=hunter2");
    }

    @Get("/tenant-scoped")
    @ExecuteOn(TaskExecutors.BLOCKING)
    String tenantScoped() {
        return currentTenant.require().value();
    }

    /** Micronaut Data asks the tenant resolver itself here, and wraps its refusal. */
    @Get("/tenant-scoped-repository")
    @ExecuteOn(TaskExecutors.BLOCKING)
    String tenantScopedRepository() {
        return applications.findById("no-such-application").map(a -> a.id()).orElse("none");
    }

    @Get("/staff-only")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    String staffOnly() {
        return "staff";
    }
}
