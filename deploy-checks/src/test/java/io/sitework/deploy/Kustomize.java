package io.sitework.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small renderer for the subset of Kustomize that k8s/ uses, because kubectl and kustomize are not
 * available where the checks run: {@code resources} (files, and directories holding a kustomization),
 * {@code namespace}, {@code images} (name, newName, newTag) and {@code patches} given by {@code path} as
 * strategic-merge patches matched by kind and name. Lists of named items (containers, env, ports) merge by
 * name; other lists are replaced, and a null value removes a key. Any other kustomization field, or an
 * unknown key inside one of these, is refused: the overlays stay within what this renderer renders faithfully.
 */
final class Kustomize {

    static final Set<String> FIELDS = Set.of("apiVersion", "kind", "namespace", "resources", "images", "patches");
    private static final Set<String> IMAGE_FIELDS = Set.of("name", "newName", "newTag");
    private static final Set<String> PATCH_FIELDS = Set.of("path");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "IngressClass");

    private Kustomize() {
    }

    /** The resources that {@code kubectl kustomize dir} would print, in order. */
    static List<Map<String, Object>> render(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("no kustomization.yaml in " + dir);
        }
        Map<String, Object> kustomization = Repo.yamlDocuments(file).get(0);
        for (String field : kustomization.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException(file + ": the field '" + field + "' is not rendered by the checks' Kustomize subset");
            }
        }
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Object entry : Repo.list(kustomization.get("resources"))) {
            Path resource = dir.resolve(String.valueOf(entry)).normalize();
            if (Files.isDirectory(resource)) {
                resources.addAll(render(resource));
            } else {
                for (Map<String, Object> document : Repo.yamlDocuments(resource)) {
                    resources.add(deepCopy(document));
                }
            }
        }
        for (Object entry : Repo.list(kustomization.get("patches"))) {
            Map<String, Object> patch = Repo.map(entry);
            checkKeys(file, "patches", patch, PATCH_FIELDS);
            for (Map<String, Object> document : Repo.yamlDocuments(dir.resolve(String.valueOf(patch.get("path"))))) {
                Map<String, Object> target = resources.stream()
                        .filter(r -> sameObject(r, document))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(file + ": the patch " + patch.get("path")
                                + " names " + document.get("kind") + " " + name(document) + ", which no resource is"));
                merge(target, document);
            }
        }
        for (Object entry : Repo.list(kustomization.get("images"))) {
            Map<String, Object> image = Repo.map(entry);
            checkKeys(file, "images", image, IMAGE_FIELDS);
            resources.forEach(r -> retag(r, image));
        }
        Object namespace = kustomization.get("namespace");
        if (namespace != null) {
            for (Map<String, Object> resource : resources) {
                if (!CLUSTER_SCOPED.contains(String.valueOf(resource.get("kind")))) {
                    metadata(resource).put("namespace", namespace);
                }
            }
        }
        return resources;
    }

    static String name(Map<String, Object> resource) {
        return String.valueOf(Repo.map(resource.get("metadata")).get("name"));
    }

    private static boolean sameObject(Map<String, Object> a, Map<String, Object> b) {
        return String.valueOf(a.get("kind")).equals(String.valueOf(b.get("kind"))) && name(a).equals(name(b));
    }

    private static void checkKeys(Path file, String field, Map<String, Object> entry, Set<String> known) {
        for (String key : entry.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException(file + ": '" + field + "." + key + "' is not rendered by the checks' Kustomize subset");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(Map<String, Object> resource) {
        return (Map<String, Object>) resource.computeIfAbsent("metadata", k -> new LinkedHashMap<>());
    }

    /** Strategic merge, as far as the overlays need it. */
    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> target, Map<String, Object> patch) {
        for (Map.Entry<String, Object> entry : patch.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            Object existing = target.get(key);
            if (value == null) {
                target.remove(key);
            } else if (value instanceof Map && existing instanceof Map) {
                merge((Map<String, Object>) existing, (Map<String, Object>) value);
            } else if (value instanceof List && existing instanceof List && named((List<Object>) value)
                    && named((List<Object>) existing)) {
                List<Object> merged = (List<Object>) existing;
                for (Object item : (List<Object>) value) {
                    Map<String, Object> patchItem = (Map<String, Object>) item;
                    Map<String, Object> match = null;
                    for (Object candidate : merged) {
                        if (((Map<String, Object>) candidate).get("name").equals(patchItem.get("name"))) {
                            match = (Map<String, Object>) candidate;
                        }
                    }
                    if (match == null) {
                        merged.add(deepCopy(patchItem));
                    } else {
                        merge(match, patchItem);
                    }
                }
            } else {
                target.put(key, deepCopy(value));
            }
        }
    }

    private static boolean named(List<Object> list) {
        return !list.isEmpty() && list.stream().allMatch(i -> i instanceof Map && ((Map<?, ?>) i).get("name") != null);
    }

    @SuppressWarnings("unchecked")
    private static void retag(Object node, Map<String, Object> image) {
        if (node instanceof Map) {
            Map<String, Object> map = (Map<String, Object>) node;
            Object current = map.get("image");
            String name = String.valueOf(image.get("name"));
            if (current instanceof String && map.containsKey("name") && matches((String) current, name)) {
                String repository = image.containsKey("newName") ? String.valueOf(image.get("newName")) : name;
                String tag = image.containsKey("newTag") ? String.valueOf(image.get("newTag")) : tagOf((String) current);
                map.put("image", tag == null ? repository : repository + ":" + tag);
            }
            map.values().forEach(v -> retag(v, image));
        } else if (node instanceof List) {
            ((List<Object>) node).forEach(v -> retag(v, image));
        }
    }

    private static boolean matches(String image, String name) {
        return image.equals(name) || image.startsWith(name + ":");
    }

    private static String tagOf(String image) {
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') ? image.substring(colon + 1) : null;
    }

    @SuppressWarnings("unchecked")
    static <T> T deepCopy(T value) {
        if (value instanceof Map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<String, Object>) value).forEach((k, v) -> copy.put(k, deepCopy(v)));
            return (T) copy;
        }
        if (value instanceof List) {
            List<Object> copy = new ArrayList<>();
            ((List<Object>) value).forEach(v -> copy.add(deepCopy(v)));
            return (T) copy;
        }
        return value;
    }
}
