package io.vitrine.api.console.park;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import io.vitrine.api.console.ConsoleLinks;
import io.vitrine.api.console.ConsolePage;
import io.vitrine.api.console.FormErrors;
import io.vitrine.api.console.OneTimeForms;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.warehouses.ParkWarehouses;
import io.vitrine.tenants.warehouses.WarehouseForm;

import java.util.Map;

/** {@code /console/park/warehouses}: the park's bonded warehouses, and the form that registers one. */
@Controller("/console/park/warehouses")
@Secured("PARK_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@Hidden
final class WarehousesPage {

    private final ParkWarehouses warehouses;
    private final OwnPark ownPark;
    private final OneTimeForms forms;

    WarehousesPage(ParkWarehouses warehouses, OwnPark ownPark, OneTimeForms forms) {
        this.warehouses = warehouses;
        this.ownPark = ownPark;
        this.forms = forms;
    }

    @Get
    HttpResponse<?> list(Authentication caller, @Nullable @QueryValue String created) {
        return page(HttpStatus.OK, caller, null, Map.of(), false, created);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> register(HttpRequest<?> request, @Body WarehouseFields form,
                             @Nullable @Body(OneTimeForms.FIELD) String formToken, Authentication caller) {
        return forms.once(request, caller, formToken, form, () -> registerOnce(request, form, caller));
    }

    private HttpResponse<?> registerOnce(HttpRequest<?> request, WarehouseFields form, Authentication caller) {
        Actor admin = StaffClaims.actorOf(caller);
        try {
            String code = warehouses.register(admin, ownPark.of(admin).slug(), form.toForm()).code();
            return ConsoleLinks.seeOther(request, "/console/park/warehouses?created=" + ConsoleLinks.encode(code));
        } catch (InvalidInputException invalid) {
            return page(HttpStatus.BAD_REQUEST, caller, form, FormErrors.of(invalid, request), false, null);
        } catch (ConflictException taken) {
            return page(HttpStatus.CONFLICT, caller, form, Map.of(), true, null);
        }
    }

    private HttpResponse<?> page(HttpStatus status, Authentication caller, @Nullable WarehouseFields form,
                                 Map<String, String> errors, boolean codeTaken, @Nullable String created) {
        Actor admin = StaffClaims.actorOf(caller);
        return ConsolePage.render(status, "park/warehouses", ConsolePage.model(caller,
                "warehouses", warehouses.list(admin, ownPark.of(admin).slug()),
                "form", form,
                "errors", errors,
                "codeTaken", codeTaken,
                "created", created));
    }

    /** The form's fields as typed, shown again when the form is refused. */
    @Serdeable
    public record WarehouseFields(@Nullable String code, @Nullable String name, @Nullable String emsNo,
                                  @Nullable String customsCode, @Nullable String areaCode,
                                  @Nullable String operatorUscc) {

        WarehouseForm toForm() {
            return new WarehouseForm(code, name, emsNo, customsCode, areaCode, operatorUscc);
        }
    }
}
