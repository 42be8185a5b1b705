package io.vitrine.customs.paymentdata;

import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON of a {@link PayExInfo} and the text its signature covers. Public implementations of the interface agree
 * on the text: the four first-level fields, each as {@code "name":"value"} with the head and the lists as their
 * compact JSON, joined by {@code ||} —
 * {@code "sessionID":"…"||"payExchangeInfoHead":"{…}"||"payExchangeInfoLists":"[…]"||"serviceTime":"…"}. Both sides
 * (our upload and the simulator's check) derive it from the same serialisation, field order fixed by the records.
 */
public final class PayExInfoJson {

    private static final ObjectMapper JSON = ObjectMapper.getDefault();

    private PayExInfoJson() {
    }

    public static String signingText(String sessionId, PayExInfo.Head head, List<PayExInfo.Item> items,
                                     long serviceTime) {
        return "\"sessionID\":\"" + sessionId + "\"||\"payExchangeInfoHead\":\"" + write(head)
                + "\"||\"payExchangeInfoLists\":\"" + write(items) + "\"||\"serviceTime\":\"" + serviceTime + "\"";
    }

    public static String signingText(PayExInfo upload) {
        return signingText(upload.sessionID(), upload.payExchangeInfoHead(), upload.payExchangeInfoLists(),
                upload.serviceTime());
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the payment data as JSON", e);
        }
    }

    /** @throws IllegalArgumentException when it is not a {@code payExInfoStr} */
    public static PayExInfo read(String json) {
        try {
            PayExInfo upload = JSON.readValue(json, PayExInfo.class);
            if (upload == null || upload.sessionID() == null || upload.payExchangeInfoHead() == null
                    || upload.payExchangeInfoLists() == null || upload.certNo() == null || upload.signValue() == null) {
                throw new IllegalArgumentException("not a payExInfoStr: a first-level field is missing");
            }
            return upload;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a payExInfoStr: " + e.getMessage(), e);
        }
    }
}
