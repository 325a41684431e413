package io.sitework.gateway;

import com.nimbusds.jose.jwk.RSAKey;
import io.sitework.gateway.devlogin.DevSigningKey;
import io.sitework.gateway.devlogin.DevTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The token checks when the dev login is on: the gateway trusts the dev key and the dev issuer only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "sitework.dev-login.enabled=true",
        "sitework.rate-limit.store=memory",
        "sitework.rate-limit.replenish-rate=1000",
        "sitework.rate-limit.burst-capacity=2000"
})
class DevLoginTokenValidationIT extends TokenValidationContract {

    static final Backends BACKENDS = Backends.start();

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        BACKENDS.register(registry);
    }

    @AfterAll
    static void stopBackends() {
        BACKENDS.close();
    }

    DevLoginTokenValidationIT() {
        super(BACKENDS);
    }

    @Autowired
    DevSigningKey devKey;

    @Autowired
    DevTokenIssuer devIssuer;

    @Override
    RSAKey trustedKey() {
        return devKey.privateKey();
    }

    @Override
    String trustedIssuer() {
        return devIssuer.issuer();
    }
}
