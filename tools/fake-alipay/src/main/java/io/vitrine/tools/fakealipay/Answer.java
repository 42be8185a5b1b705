package io.vitrine.tools.fakealipay;

import java.nio.charset.StandardCharsets;

/** One HTTP answer of the fake: status, content type, body and, for redirects, the location. */
record Answer(int status, String contentType, byte[] body, String location) {

    static Answer json(String body) {
        return new Answer(200, "application/json;charset=UTF-8", body.getBytes(StandardCharsets.UTF_8), null);
    }

    static Answer html(int status, String body) {
        return new Answer(status, "text/html;charset=UTF-8", body.getBytes(StandardCharsets.UTF_8), null);
    }

    static Answer text(int status, String body) {
        return new Answer(status, "text/plain;charset=UTF-8", body.getBytes(StandardCharsets.UTF_8), null);
    }
}
