package io.sitework.launcher;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordGrantTokensTest {

    private HttpServer server;
    private final List<String> forms = new ArrayList<>();
    private final List<String> contentTypes = new ArrayList<>();
    private int status = 200;
    private String answer = "{\"access_token\":\"abc.def.ghi\",\"token_type\":\"Bearer\",\"expires_in\":3600}";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/realms/sitework/protocol/openid-connect/token", exchange -> {
            forms.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private PasswordGrantTokens tokens() {
        return new PasswordGrantTokens(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                + "/realms/sitework/protocol/openid-connect/token"), "sitework-demo", "p&ss word");
    }

    @Test
    void sendsThePasswordGrantAsAFormAndReturnsABearerHeader() {
        assertThat(tokens().authorization("anna.planner")).isEqualTo("Bearer abc.def.ghi");

        assertThat(contentTypes).containsExactly("application/x-www-form-urlencoded");
        assertThat(forms.get(0)).isEqualTo(
                "grant_type=password&client_id=sitework-demo&username=anna.planner&password=p%26ss+word&scope=openid");
    }

    @Test
    void aRefusedLoginNamesTheUserAndTheProvidersReason() {
        status = 401;
        answer = "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid user credentials\"}";

        assertThatThrownBy(() -> tokens().authorization("bruno.tech"))
                .hasMessageContaining("log in as bruno.tech")
                .hasMessageContaining("HTTP 401 invalid_grant Invalid user credentials");
    }

    @Test
    void anAnswerWithoutATokenIsAFailure() {
        answer = "{\"token_type\":\"Bearer\"}";

        assertThatThrownBy(() -> tokens().authorization("bruno.tech")).hasMessageContaining("holds no access_token");
    }
}
