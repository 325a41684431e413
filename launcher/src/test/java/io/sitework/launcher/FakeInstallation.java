package io.sitework.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * An installation whose four service jars are {@link FakeService}, and whose {@code lib/} is the real one
 * (the Kafka broker is real).
 */
final class FakeInstallation {

    private FakeInstallation() {
    }

    /** The build directory this test runs from ({@code launcher/target}), whatever {@code sitework.home} says. */
    static Installation build() {
        return Installation.fromCodeSource(Launcher.class.getProtectionDomain().getCodeSource().getLocation());
    }

    static Installation create(Path home) throws IOException {
        Path realLib = FakeInstallation.build().libDir();
        if (!Files.isDirectory(realLib)) {
            throw new IllegalStateException(realLib + " is missing: integration tests run after the package phase");
        }
        Files.createDirectories(home.resolve("services"));
        Files.createSymbolicLink(home.resolve("lib"), realLib);
        Installation installation = new Installation(home);
        for (String module : Installation.SERVICE_MODULES) {
            writeFakeServiceJar(installation.serviceJar(module));
        }
        return installation;
    }

    /** Removes the link to the real {@code lib/}, so that cleaning the test's directory cannot follow it. */
    static void remove(Installation installation) throws IOException {
        if (installation != null) {
            Files.deleteIfExists(installation.home().resolve("lib"));
        }
    }

    private static void writeFakeServiceJar(Path jar) throws IOException {
        Path classes;
        try {
            classes = Path.of(FakeService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        String packageDir = FakeService.class.getPackageName().replace('.', '/');
        List<Path> classFiles;
        try (Stream<Path> files = Files.list(classes.resolve(packageDir))) {
            classFiles = files.filter(p -> p.getFileName().toString().matches("FakeService(\\$.*)?\\.class")).toList();
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            for (Path classFile : classFiles) {
                jarOut.putNextEntry(new JarEntry(packageDir + "/" + classFile.getFileName()));
                jarOut.write(Files.readAllBytes(classFile));
                jarOut.closeEntry();
            }
        }
    }
}
