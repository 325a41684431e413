package io.sitework.notification.webhook;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class TargetPolicyTest {

    private final TargetPolicy permissive = new TargetPolicy(true);
    private final TargetPolicy strict = new TargetPolicy(false);

    @Test
    void acceptsAbsoluteHttpAndHttpsUrls() {
        assertThat(permissive.problemWith("https://erp.example.com/hooks/sitework")).isNull();
        assertThat(permissive.problemWith("http://127.0.0.1:9099/")).isNull();
        assertThat(permissive.problemWith("HTTPS://erp.example.com")).isNull();
    }

    @Test
    void refusesWhatIsNotAnAbsoluteHttpUrl() {
        assertThat(permissive.problemWith(null)).isEqualTo("is required");
        assertThat(permissive.problemWith("/relative/path")).contains("absolute http or https");
        assertThat(permissive.problemWith("ftp://example.com/x")).contains("absolute http or https");
        assertThat(permissive.problemWith("file:///etc/passwd")).contains("absolute http or https");
        assertThat(permissive.problemWith("http://exa mple.com")).contains("not a valid URL");
        assertThat(permissive.problemWith("http:///nohost")).contains("host");
        assertThat(permissive.problemWith("https://user:pass@example.com/")).contains("credentials");
        assertThat(permissive.problemWith("https://example.com/" + "a".repeat(2000))).contains("at most");
    }

    @Test
    void withoutPrivateAddressesRefusesLoopbackPrivateAndLinkLocalTargets() {
        assertThat(strict.problemWith("http://127.0.0.1:8080/")).contains("loopback, private or link-local");
        assertThat(strict.problemWith("http://localhost/")).contains("loopback, private or link-local");
        assertThat(strict.problemWith("http://10.1.2.3/")).contains("loopback, private or link-local");
        assertThat(strict.problemWith("http://192.168.0.10/")).contains("loopback, private or link-local");
        assertThat(strict.problemWith("http://169.254.169.254/latest/meta-data")).contains("loopback, private or link-local");
        assertThat(strict.problemWith("http://[::1]:8080/")).contains("loopback, private or link-local");
        assertThat(strict.problemWith("http://[fd00::1]/")).contains("loopback, private or link-local");
        assertThat(strict.problemWith("http://0.0.0.0/")).contains("loopback, private or link-local");
        assertThat(strict.problemBeforeSending(URI.create("http://127.0.0.1/"))).contains("loopback");
        assertThat(permissive.problemBeforeSending(URI.create("http://127.0.0.1/"))).isNull();
    }

    @Test
    void publicAddressesAreNotPrivate() throws Exception {
        assertThat(TargetPolicy.isPrivate(InetAddress.getByName("93.184.216.34"))).isFalse();
        assertThat(TargetPolicy.isPrivate(InetAddress.getByName("2606:2800:220:1:248:1893:25c8:1946"))).isFalse();
        assertThat(strict.problemWith("http://93.184.216.34/")).isNull();
    }
}
