package io.vitrine.api.idempotency;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.Map;

/** Test-only creating routes that count, wait or fail as a test asks ({@link IdempotencyProbe}). */
@Hidden
@Controller("/test-only/idempotency")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class IdempotencyProbeController {

    private final IdempotencyProbe probe;

    IdempotencyProbeController(IdempotencyProbe probe) {
        this.probe = probe;
    }

    @Post("/runs/{name}")
    @Idempotent
    @Status(HttpStatus.CREATED)
    Map<String, Object> run(@PathVariable String name, @Body Map<String, Object> body) throws InterruptedException {
        return Map.of("name", name, "run", probe.run(name), "echo", body);
    }

    /** The same, without {@link Idempotent}: the header means nothing here. */
    @Post("/plain/{name}")
    @Status(HttpStatus.CREATED)
    Map<String, Object> plain(@PathVariable String name, @Body Map<String, Object> body) throws InterruptedException {
        return Map.of("name", name, "run", probe.run(name), "echo", body);
    }
}
