package io.sitework.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checks' Kustomize subset renders what it claims to, and refuses what it does not understand. */
class KustomizeTest {

    @TempDir
    Path dir;

    private void write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void base() throws IOException {
        write("base/kustomization.yaml", """
                resources: [app.yaml]
                images:
                  - name: ghcr.io/sitework/app
                    newTag: "1.0"
                """);
        write("base/app.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec:
                  replicas: 2
                  template:
                    spec:
                      containers:
                        - name: app
                          image: ghcr.io/sitework/app
                          env:
                            - {name: A, value: "1"}
                            - {name: B, value: "2"}
                          args: ["--x"]
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: ns}
                """);
    }

    @Test
    @SuppressWarnings("unchecked")
    void patchesMergeNamedListsReplaceOthersAndImagesAndNamespaceApply() throws IOException {
        base();
        write("overlay/kustomization.yaml", """
                namespace: team
                resources: [../base]
                patches:
                  - path: patch.yaml
                images:
                  - name: ghcr.io/sitework/app
                    newTag: "2.0"
                """);
        write("overlay/patch.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec:
                  replicas: 1
                  template:
                    spec:
                      containers:
                        - name: app
                          env:
                            - {name: B, value: "3"}
                            - {name: C, value: "4"}
                          args: ["--y"]
                """);

        List<Map<String, Object>> rendered = Kustomize.render(dir.resolve("overlay"));

        Map<String, Object> deployment = rendered.get(0);
        assertThat(Repo.at(deployment, "spec.replicas")).isEqualTo(1);
        assertThat(Repo.at(deployment, "metadata.namespace")).isEqualTo("team");
        Map<String, Object> container = (Map<String, Object>) Repo.list(Repo.at(deployment, "spec.template.spec.containers")).get(0);
        assertThat(container.get("image")).isEqualTo("ghcr.io/sitework/app:2.0");
        assertThat(container.get("env")).isEqualTo(List.of(Map.of("name", "A", "value", "1"),
                Map.of("name", "B", "value", "3"), Map.of("name", "C", "value", "4")));
        assertThat(container.get("args")).isEqualTo(List.of("--y"));
        assertThat(Repo.at(rendered.get(1), "metadata.namespace")).as("cluster-scoped").isNull();
    }

    @Test
    void anyOtherKustomizationFieldIsRefused() throws IOException {
        base();
        write("overlay/kustomization.yaml", """
                resources: [../base]
                commonLabels: {team: x}
                """);

        assertThatThrownBy(() -> Kustomize.render(dir.resolve("overlay"))).hasMessageContaining("'commonLabels'");
    }

    @Test
    void inlinePatchesTargetsAndImageDigestsAreRefused() throws IOException {
        base();
        write("overlay/kustomization.yaml", """
                resources: [../base]
                patches:
                  - path: p.yaml
                    target: {kind: Deployment}
                """);
        assertThatThrownBy(() -> Kustomize.render(dir.resolve("overlay"))).hasMessageContaining("patches.target");

        write("overlay/kustomization.yaml", """
                resources: [../base]
                images:
                  - name: ghcr.io/sitework/app
                    digest: sha256:abc
                """);
        assertThatThrownBy(() -> Kustomize.render(dir.resolve("overlay"))).hasMessageContaining("images.digest");
    }

    @Test
    void aPatchOfNothingIsRefused() throws IOException {
        base();
        write("overlay/kustomization.yaml", """
                resources: [../base]
                patches:
                  - path: patch.yaml
                """);
        write("overlay/patch.yaml", """
                kind: Deployment
                metadata: {name: other}
                spec: {replicas: 1}
                """);

        assertThatThrownBy(() -> Kustomize.render(dir.resolve("overlay"))).hasMessageContaining("Deployment other");
    }
}
