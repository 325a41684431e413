package io.sitework.launcher;

import java.io.File;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.stream.Collectors;

/** Builds a Java classpath from the jars of a directory. */
final class LibClasspath {

    private LibClasspath() {
    }

    /**
     * The jars among {@code files}, as absolute paths in file-name order (a stable order, so that the
     * same build always gives the same classpath), separated by the platform's path separator.
     */
    static String of(Collection<Path> files) {
        String classpath = files.stream()
                .filter(p -> p.getFileName() != null && p.getFileName().toString().endsWith(".jar"))
                .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()))
                .map(p -> p.toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator));
        if (classpath.isEmpty()) {
            throw new IllegalStateException("No jars found; run ./mvnw package first");
        }
        return classpath;
    }
}
