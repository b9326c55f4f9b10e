package dev.custos.api.access;

import org.springframework.http.HttpStatus;

/** What an action answers when its status is not the one its spec declares (a repeated request is 200, not 201). */
public record Answer(HttpStatus status, Object body) {

    public static Answer ok(Object body) {
        return new Answer(HttpStatus.OK, body);
    }
}
