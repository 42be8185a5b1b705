package io.vitrine.api.console.retailer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
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
import io.swagger.v3.oas.annotations.Hidden;
import io.vitrine.api.console.ConsoleLinks;
import io.vitrine.api.console.ConsolePage;
import io.vitrine.api.console.FormErrors;
import io.vitrine.api.console.OneTimeForms;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;
import io.vitrine.tenants.stores.Store;
import io.vitrine.tenants.stores.StoreKind;
import io.vitrine.tenants.stores.Stores;

import java.util.Arrays;
import java.util.Map;

/**
 * {@code /console/stores}: the retailer's stores, paged; a retailer admin creates and changes them, a store
 * manager sees only the stores it is scoped to (the Stores service decides; another store, like another
 * tenant's, is the 404 page). Pages that are not a store live under {@code /console/stores/-/}: a store
 * code cannot start with '-', so no store is ever shadowed by them.
 */
@Controller("/console/stores")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@Hidden
final class StoresPage {

    static final int PAGE_SIZE = 50;

    private final Stores stores;
    private final OwnWarehouses warehouses;
    private final OneTimeForms forms;

    StoresPage(Stores stores, OwnWarehouses warehouses, OneTimeForms forms) {
        this.stores = stores;
        this.warehouses = warehouses;
        this.forms = forms;
    }

    @Get
    @Secured({"RETAILER_ADMIN", "STORE_MANAGER"})
    HttpResponse<?> list(Authentication caller, @QueryValue(defaultValue = "0") int page) {
        Page<Store> found = stores.list(StaffClaims.actorOf(caller), Math.max(page, 0), PAGE_SIZE);
        return ConsolePage.render("stores", ConsolePage.model(caller,
                "stores", found.getContent().stream().map(StoreFields::of).toList(),
                "page", found.getPageNumber(),
                "total", found.getTotalSize(),
                "hasNext", (long) (found.getPageNumber() + 1) * PAGE_SIZE < found.getTotalSize()));
    }

    @Get("/-/new")
    @Secured("RETAILER_ADMIN")
    HttpResponse<?> newStore(Authentication caller) {
        return form(HttpStatus.OK, caller, "new", null, Map.of(), false, false);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("RETAILER_ADMIN")
    HttpResponse<?> create(HttpRequest<?> request, @Body StoreFields fields,
                           @Nullable @Body(OneTimeForms.FIELD) String formToken, Authentication caller) {
        return forms.once(request, caller, formToken, fields, () -> createOnce(request, fields, caller));
    }

    private HttpResponse<?> createOnce(HttpRequest<?> request, StoreFields fields, Authentication caller) {
        try {
            Store created = stores.create(StaffClaims.actorOf(caller), fields.toForm(null));
            return ConsoleLinks.seeOther(request, "/console/stores/" + created.code() + "?saved=1");
        } catch (InvalidInputException invalid) {
            return form(HttpStatus.BAD_REQUEST, caller, "new", fields, FormErrors.of(invalid, request), false, false);
        } catch (ConflictException taken) {
            return form(HttpStatus.CONFLICT, caller, "new", fields, Map.of(), true, false);
        }
    }

    @Get("/{code}")
    @Secured({"RETAILER_ADMIN", "STORE_MANAGER"})
    HttpResponse<?> show(@PathVariable String code, @Nullable @QueryValue String saved, Authentication caller) {
        Actor actor = StaffClaims.actorOf(caller);
        Store store = stores.get(actor, code);
        String mode = actor.is(StaffRole.RETAILER_ADMIN) ? "edit" : "view";
        return form(HttpStatus.OK, caller, mode, StoreFields.of(store), Map.of(), false, saved != null);
    }

    @Post(value = "/{code}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("RETAILER_ADMIN")
    HttpResponse<?> update(HttpRequest<?> request, @PathVariable String code, @Body StoreFields fields,
                           Authentication caller) {
        Actor actor = StaffClaims.actorOf(caller);
        try {
            stores.update(actor, code, fields.toForm(code));
            return ConsoleLinks.seeOther(request, "/console/stores/" + code + "?saved=1");
        } catch (InvalidInputException invalid) {
            stores.get(actor, code); // another tenant's store stays a 404, whatever was typed
            StoreFields shown = new StoreFields(code, fields.name(), fields.kind(), fields.address(), fields.district(),
                    fields.lat(), fields.lng(), fields.warehouseCode());
            return form(HttpStatus.BAD_REQUEST, caller, "edit", shown, FormErrors.of(invalid, request), false, false);
        }
    }

    private HttpResponse<?> form(HttpStatus status, Authentication caller, String mode, @Nullable StoreFields fields,
                                 Map<String, String> errors, boolean codeTaken, boolean saved) {
        Actor actor = StaffClaims.actorOf(caller);
        return ConsolePage.render(status, "store", ConsolePage.model(caller,
                "mode", mode,
                "form", fields,
                "errors", errors,
                "codeTaken", codeTaken,
                "saved", saved,
                "kinds", Arrays.stream(StoreKind.values()).map(Enum::name).toList(),
                "warehouses", mode.equals("view") ? null : warehouses.of(actor)));
    }
}
