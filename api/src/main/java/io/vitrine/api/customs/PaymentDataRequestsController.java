package io.vitrine.api.customs;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.customs.paymentdata.ImmediateAnswer;
import io.vitrine.customs.paymentdata.PaymentDataRequest;
import io.vitrine.customs.paymentdata.PaymentDataRequests;
import io.vitrine.kernel.error.InvalidInputException;

import java.io.IOException;
import java.util.Map;

/**
 * {@code POST /api/v1/customs/payment-data-requests} (api.md; the "179" interface, customs README "The 179 payment data
 * request"): customs asks for an order's payment data. The caller is customs, authenticated by {@link CustomsCaller}
 * (401 without the secret). The request {@code {orderNo, sessionID, serviceTime}} comes as a JSON body or, as the
 * single window sends it, as the form field {@code openReq} holding that JSON. Answers at once, 200
 * {@code {code, message, serviceTime}}: {@code 10000} (recorded; the signed data follows through the exchange
 * channel) or {@code 20000} with the reason (no declaration has that order: recorded, nothing uploaded); the same
 * sessionID again gets the same answer and nothing new. A request that cannot be read or breaks a rule: 400
 * problem+json naming the field ({@code openReq}/{@code body}, {@code orderNo}, {@code sessionID},
 * {@code serviceTime}) and the rule, nothing recorded. Open with the HTTP customs channel ({@link HttpReceiptsEnabled}).
 */
@Controller("/api/v1/customs/payment-data-requests")
@Requires(condition = HttpReceiptsEnabled.class)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Customs exchange")
class PaymentDataRequestsController {

    private final CustomsCaller caller;
    private final PaymentDataRequests requests;
    private final JsonMapper json;

    PaymentDataRequestsController(CustomsCaller caller, PaymentDataRequests requests, JsonMapper json) {
        this.caller = caller;
        this.requests = requests;
        this.json = json;
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Customs' real-time (\"179\") request for an order's payment data, as the single window posts it",
            description = "Header X-Customs-Token: the shared secret. Form field openReq: {orderNo, sessionID, serviceTime}.")
    ImmediateAnswer form(@Nullable @Header(CustomsCaller.HEADER) String token,
                         @Nullable @Body("openReq") String openReq) {
        caller.authenticate(token);
        return requests.receive(read("openReq", openReq));
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Customs' real-time (\"179\") request for an order's payment data, as a JSON body",
            description = "Header X-Customs-Token: the shared secret. Body: {orderNo, sessionID, serviceTime}.")
    ImmediateAnswer body(@Nullable @Header(CustomsCaller.HEADER) String token, @Nullable @Body String body) {
        caller.authenticate(token);
        return requests.receive(read("body", body));
    }

    private PaymentDataRequest read(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInputException.of(field, "REQUIRED", field + " must hold {orderNo, sessionID, serviceTime}");
        }
        Map<?, ?> fields = object(text);
        // public platforms report openReq arriving HTML-escaped (&quot;) or backslash-escaped: read those too
        if (fields == null && text.contains("&quot;")) {
            fields = object(text.replace("&quot;", "\""));
        }
        if (fields == null && text.contains("\\\"")) {
            fields = object(text.replace("\\\"", "\""));
        }
        if (fields == null) {
            throw InvalidInputException.of(field, "JSON_OBJECT", field + " is not a JSON object");
        }
        return PaymentDataRequest.of(text(fields.get("orderNo"), "orderNo"), text(fields.get("sessionID"), "sessionID"),
                millis(fields.get("serviceTime")));
    }

    @Nullable
    private Map<?, ?> object(String text) {
        try {
            return json.readValue(text, Map.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String text(@Nullable Object value, String field) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Number) {
            return value.toString(); // an order number sent as a JSON number
        }
        throw InvalidInputException.of(field, "FORMAT", field + " must be a string");
    }

    /** Epoch milliseconds, as a JSON number or a string of digits (public clients send both). */
    private static Long millis(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return number.longValue();
        }
        if (value instanceof String digits && digits.matches("-?[0-9]{1,18}")) {
            return Long.parseLong(digits);
        }
        throw InvalidInputException.of("serviceTime", "FORMAT", "serviceTime is epoch milliseconds");
    }
}
