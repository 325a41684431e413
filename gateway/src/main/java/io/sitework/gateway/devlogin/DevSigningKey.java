package io.sitework.gateway.devlogin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.Map;
import java.util.Set;

/**
 * The dev login's RSA signing key: read from a JWK file, created there (readable by its owner only) when the
 * file does not exist yet, or generated in memory when no file is configured. Its key id is the RFC 7638
 * thumbprint, so a key read back after a restart keeps its id and earlier tokens stay valid.
 */
public final class DevSigningKey {

    private static final Logger log = LoggerFactory.getLogger(DevSigningKey.class);
    static final int KEY_SIZE = 2048;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final RSAKey key;

    private DevSigningKey(RSAKey key) {
        this.key = key;
    }

    /** The key in {@code file}, created there when it does not exist; a fresh in-memory key when {@code file} is null. */
    public static DevSigningKey loadOrCreate(Path file) {
        if (file == null) {
            log.info("Dev login signs with a key generated in memory: tokens do not survive a restart");
            return new DevSigningKey(generate());
        }
        if (Files.exists(file)) {
            return new DevSigningKey(read(file));
        }
        RSAKey generated = generate();
        try {
            return new DevSigningKey(write(file, generated));
        } catch (FileAlreadyExistsException e) {
            // another gateway on the same data directory was quicker: use its key
            return new DevSigningKey(read(file));
        }
    }

    public RSAKey privateKey() {
        return key;
    }

    public RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String keyId() {
        return key.getKeyID();
    }

    /** {@code {"keys":[…]}} with the public key only. */
    public Map<String, Object> publicJwkSet() {
        return new JWKSet(key.toPublicJWK()).toJSONObject(true);
    }

    static RSAKey generate() {
        try {
            return new RSAKeyGenerator(KEY_SIZE)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate the dev login key", e);
        }
    }

    private static RSAKey read(Path file) {
        try {
            JWK jwk = JWK.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (!(jwk instanceof RSAKey rsa) || !rsa.isPrivate()) {
                throw new IllegalStateException(file + " must hold an RSA private key as a JWK");
            }
            if (rsa.size() < KEY_SIZE) {
                throw new IllegalStateException(file + " holds a " + rsa.size() + "-bit key; at least " + KEY_SIZE + " are needed");
            }
            warnIfReadableByOthers(file);
            if (rsa.getKeyID() == null) {
                rsa = new RSAKey.Builder(rsa).keyIDFromThumbprint().build();
            }
            log.info("Dev login signs with the key in {} (kid {})", file, rsa.getKeyID());
            return rsa;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the dev login key " + file, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException(file + " is not a JWK: " + e.getMessage(), e);
        }
    }

    private static RSAKey write(Path file, RSAKey key) throws FileAlreadyExistsException {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            boolean posix = Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
            Path tmp = posix
                    ? Files.createTempFile(dir, ".jwk-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : Files.createTempFile(dir, ".jwk-", ".tmp");
            try {
                Files.writeString(tmp, key.toJSONString(), StandardCharsets.UTF_8);
                // no REPLACE_EXISTING: a file that appeared meanwhile wins
                Files.move(tmp, file);
            } finally {
                Files.deleteIfExists(tmp);
            }
            log.info("Dev login created its signing key in {} (kid {})", file, key.getKeyID());
            return key;
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the dev login key " + file, e);
        }
    }

    private static void warnIfReadableByOthers(Path file) throws IOException {
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
            log.warn("The dev login key {} is accessible to other users ({}); chmod 600 it",
                    file, PosixFilePermissions.toString(permissions));
        }
    }
}
