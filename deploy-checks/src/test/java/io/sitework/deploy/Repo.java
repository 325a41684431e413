package io.sitework.deploy;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository the checks read: found by walking up from the working directory to the root POM. */
final class Repo {

    /** The four deployable apps; each is a Maven module with its own application.yml. */
    static final List<String> APPS = List.of("work-service", "context-service", "notification-service", "gateway");

    static final Path ROOT = findRoot();

    private Repo() {
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("pom.xml")) && Files.exists(dir.resolve("deploy-checks"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath());
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        return read(path(relative));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yamlMap(String relative) {
        return (Map<String, Object>) yaml().load(read(relative));
    }

    /** Every document of a multi-document YAML file, empty ones left out. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> yamlDocuments(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : yaml().loadAll(read(file))) {
            if (document != null) {
                documents.add((Map<String, Object>) document);
            }
        }
        return documents;
    }

    /**
     * The modules of the root POM's default build, in order: those a build without profiles (the image's, CI's)
     * reads; modules of a profile (the benchmarks) are not.
     */
    static List<String> modules() {
        List<String> modules = new ArrayList<>();
        String pom = read("pom.xml");
        String defaults = pom.substring(pom.indexOf("<modules>"), pom.indexOf("</modules>"));
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(defaults);
        while (m.find()) {
            modules.add(m.group(1).trim());
        }
        return modules;
    }

    /** {@code a.b.c} in nested maps, or null. */
    @SuppressWarnings("unchecked")
    static Object at(Map<String, Object> map, String dottedPath) {
        Object current = map;
        for (String key : dottedPath.split("\\.")) {
            if (!(current instanceof Map)) {
                return null;
            }
            current = ((Map<String, Object>) current).get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }
}
