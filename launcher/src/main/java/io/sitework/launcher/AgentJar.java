package io.sitework.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Writes the jar of {@link ParentWatchAgent}: its one class and a manifest naming it. */
final class AgentJar {

    private AgentJar() {
    }

    static Path write(Path jar) {
        Class<?> agent = ParentWatchAgent.class;
        String entry = agent.getName().replace('.', '/') + ".class";
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), agent.getName());
        try (InputStream classFile = agent.getClassLoader().getResourceAsStream(entry)) {
            if (classFile == null) {
                throw new IllegalStateException("Cannot read " + entry + " from the launcher");
            }
            Files.createDirectories(jar.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(jar.toAbsolutePath().getParent(), "agent", ".tmp");
            try (OutputStream out = Files.newOutputStream(temp);
                 JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
                jarOut.putNextEntry(new JarEntry(entry));
                classFile.transferTo(jarOut);
                jarOut.closeEntry();
            }
            Files.move(temp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return jar;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + jar + ": " + e.getMessage(), e);
        }
    }
}
