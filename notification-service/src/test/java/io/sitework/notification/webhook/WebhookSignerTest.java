package io.sitework.notification.webhook;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignerTest {

    // The Standard Webhooks test vector; the expected value was also computed independently with
    // openssl dgst -sha256 -mac HMAC -macopt hexkey:<base64-decoded secret> over "id.timestamp.body".
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signsTheStandardWebhooksTestVector() {
        assertThat(WebhookSigner.sign(SECRET, ID, TIMESTAMP, BODY)).isEqualTo(EXPECTED);
    }

    @Test
    void verifiesItsOwnSignatureAmongSeveralAndRefusesAnyChange() {
        assertThat(WebhookSigner.verify(SECRET, ID, TIMESTAMP, BODY, EXPECTED)).isTrue();
        assertThat(WebhookSigner.verify(SECRET, ID, TIMESTAMP, BODY, "v1,b3RoZXI= " + EXPECTED)).isTrue();
        assertThat(WebhookSigner.verify(SECRET, ID, TIMESTAMP, BODY + " ", EXPECTED)).isFalse();
        assertThat(WebhookSigner.verify(SECRET, ID, TIMESTAMP + 1, BODY, EXPECTED)).isFalse();
        assertThat(WebhookSigner.verify(SECRET, "msg_other", TIMESTAMP, BODY, EXPECTED)).isFalse();
        assertThat(WebhookSigner.verify(WebhookSigner.newSecret(), ID, TIMESTAMP, BODY, EXPECTED)).isFalse();
        assertThat(WebhookSigner.verify(SECRET, ID, TIMESTAMP, BODY, null)).isFalse();
    }

    @Test
    void aNewSecretIsWhsecAndThirtyTwoRandomBytes() {
        String secret = WebhookSigner.newSecret();

        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(32);
        assertThat(WebhookSigner.newSecret()).isNotEqualTo(secret);
    }

    @Test
    void refusesASecretWithoutThePrefix() {
        assertThatThrownBy(() -> WebhookSigner.sign("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", ID, TIMESTAMP, BODY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
