package io.sitework.notification.web;

import io.sitework.support.web.BadRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationStreamControllerTest {

    @Test
    void withoutALastEventIdNothingIsReplayed() {
        assertThat(NotificationStreamController.lastEventId(null, null)).isNull();
        assertThat(NotificationStreamController.lastEventId("", " ")).isNull();
    }

    @Test
    void takesTheHeaderOrElseTheParameter() {
        assertThat(NotificationStreamController.lastEventId("42", null)).isEqualTo(42L);
        assertThat(NotificationStreamController.lastEventId(null, "17")).isEqualTo(17L);
        assertThat(NotificationStreamController.lastEventId("42", "17")).as("the header wins").isEqualTo(42L);
        assertThat(NotificationStreamController.lastEventId(" ", "17")).isEqualTo(17L);
        assertThat(NotificationStreamController.lastEventId("0", null)).isZero();
    }

    @Test
    void refusesAnIdThatIsNotANonNegativeNumberNamingWhereItCameFrom() {
        assertBadRequest("abc", null, "Last-Event-ID");
        assertBadRequest("-1", null, "Last-Event-ID");
        assertBadRequest("1.5", null, "Last-Event-ID");
        assertBadRequest(null, "99999999999999999999", "lastEventId");
    }

    private static void assertBadRequest(String header, String param, String field) {
        assertThatThrownBy(() -> NotificationStreamController.lastEventId(header, param))
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.errors()).extracting(BadRequestException.FieldError::field).containsExactly(field));
    }
}
