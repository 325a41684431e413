package io.sitework.gateway.devlogin;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevSigningKeyTest {

    @TempDir
    Path dir;

    @Test
    void aMissingFileIsCreatedReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("run").resolve("dev-login").resolve("jwk.json");

        DevSigningKey key = DevSigningKey.loadOrCreate(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        RSAKey stored = RSAKey.parse(Files.readString(file));
        assertThat(stored.isPrivate()).isTrue();
        assertThat(stored.size()).isEqualTo(2048);
        assertThat(stored.getKeyID()).isEqualTo(key.keyId()).isEqualTo(stored.computeThumbprint().toString());
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void anExistingFileIsReadBackWithTheSameKeyId() {
        Path file = dir.resolve("jwk.json");
        DevSigningKey first = DevSigningKey.loadOrCreate(file);

        DevSigningKey again = DevSigningKey.loadOrCreate(file);

        assertThat(again.keyId()).isEqualTo(first.keyId());
        assertThat(again.publicKey()).isEqualTo(first.publicKey());
    }

    @Test
    void aKeyWithoutIdGetsItsThumbprint() throws Exception {
        RSAKey bare = new RSAKeyGenerator(2048).generate();
        Path file = dir.resolve("bare.json");
        Files.writeString(file, bare.toJSONString());

        assertThat(DevSigningKey.loadOrCreate(file).keyId()).isEqualTo(bare.computeThumbprint().toString());
    }

    @Test
    void withoutAFileTheKeyLivesInMemory() {
        DevSigningKey one = DevSigningKey.loadOrCreate(null);
        DevSigningKey two = DevSigningKey.loadOrCreate(null);

        assertThat(one.keyId()).isNotEqualTo(two.keyId());
        assertThat(one.privateKey().isPrivate()).isTrue();
    }

    @Test
    void thePublishedSetHasNoPrivatePart() {
        Map<String, Object> set = DevSigningKey.loadOrCreate(null).publicJwkSet();

        assertThat(set).containsOnlyKeys("keys");
        @SuppressWarnings("unchecked")
        Map<String, Object> key = ((List<Map<String, Object>>) set.get("keys")).get(0);
        assertThat(key).containsKeys("kty", "kid", "n", "e", "alg", "use").doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
        assertThat(key).containsEntry("kty", "RSA").containsEntry("alg", "RS256").containsEntry("use", "sig");
    }

    @Test
    void aFileWithoutAPrivateKeyIsRefused() throws Exception {
        Path file = dir.resolve("public.json");
        Files.writeString(file, DevSigningKey.generate().toPublicJWK().toJSONString());

        assertThatThrownBy(() -> DevSigningKey.loadOrCreate(file)).hasMessageContaining("RSA private key");
    }

    @Test
    void aWeakKeyIsRefused() throws Exception {
        Path file = dir.resolve("weak.json");
        Files.writeString(file, new RSAKeyGenerator(1024, true).generate().toJSONString());

        assertThatThrownBy(() -> DevSigningKey.loadOrCreate(file)).hasMessageContaining("1024-bit");
    }

    @Test
    void aFileThatIsNoJwkIsRefused() throws Exception {
        Path file = dir.resolve("garbage.json");
        Files.writeString(file, "not json");

        assertThatThrownBy(() -> DevSigningKey.loadOrCreate(file)).hasMessageContaining("is not a JWK");
    }
}
