package io.sitework.launcher.walkthrough;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's walkthrough, checked without a platform: it parses, every request says what it
 * expects, and every {{…}} names a variable of the file or an earlier named request. WalkthroughIT
 * runs it for real.
 */
class WalkthroughFileTest {

    /** Relative to the launcher module, where Maven runs the tests. */
    static final Path WALKTHROUGH = Path.of("..", "docs", "walkthrough.http");
    static final Path PERMIT_WALKTHROUGH = Path.of("..", "docs", "walkthrough-permit.http");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(.+?)\\s*}}");
    private static final Pattern REFERENCE = Pattern.compile("^([A-Za-z_][A-Za-z0-9_-]*)\\.response\\.(body|headers)\\..+$");

    private final HttpFile walkthrough = HttpFile.read(WALKTHROUGH);
    private final HttpFile permitWalkthrough = HttpFile.read(PERMIT_WALKTHROUGH);

    static Stream<Path> walkthroughs() {
        return Stream.of(WALKTHROUGH, PERMIT_WALKTHROUGH);
    }

    @ParameterizedTest
    @MethodSource("walkthroughs")
    void everyRequestStatesTheStatusItExpects(Path file) {
        assertThat(HttpFile.read(file).requests()).hasSizeGreaterThan(20)
                .allSatisfy(r -> assertThat(r.expectedStatus()).as(r.label()).isNotNull());
    }

    @ParameterizedTest
    @MethodSource("walkthroughs")
    void everyPlaceholderIsAFileVariableOrAnEarlierNamedRequest(Path file) {
        HttpFile walkthrough = HttpFile.read(file);
        assertThat(walkthrough.variables()).containsKeys("base", "site");
        Set<String> named = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (HttpFile.Request request : walkthrough.requests()) {
            List<String> texts = new ArrayList<>(List.of(request.url()));
            request.headers().forEach(h -> texts.add(h.value()));
            if (request.body() != null) {
                texts.add(request.body());
            }
            request.bodyExpectations().forEach(e -> texts.add(e.source()));
            for (String text : texts) {
                Matcher placeholder = PLACEHOLDER.matcher(text);
                while (placeholder.find()) {
                    String name = placeholder.group(1);
                    Matcher reference = REFERENCE.matcher(name);
                    boolean known = reference.matches() ? named.contains(reference.group(1))
                            : walkthrough.variables().containsKey(name) || name.startsWith("$");
                    if (!known) {
                        problems.add(request.label() + ": {{" + name + "}}");
                    }
                }
            }
            if (request.name() != null) {
                named.add(request.name());
            }
        }
        assertThat(problems).as("placeholders with nothing to refer to").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("walkthroughs")
    void everyCallAfterTheLoginsCarriesAToken(Path file) {
        assertThat(HttpFile.read(file).requests()).filteredOn(r -> r.url().contains("/api/"))
                .allSatisfy(r -> assertThat(r.headers()).as(r.label())
                        .anySatisfy(h -> assertThat(h.name()).isEqualTo("Authorization")));
    }

    @Test
    void tellsTheWholeStory() {
        List<String> calls = walkthrough.requests().stream().map(r -> r.method() + " " + r.url()).toList();

        assertThat(calls).anySatisfy(c -> assertThat(c).endsWith("/plan"))
                .anySatisfy(c -> assertThat(c).endsWith("/blockers"))
                .anySatisfy(c -> assertThat(c).contains("/resolve"))
                .anySatisfy(c -> assertThat(c).startsWith("PUT").contains("/checklist/"))
                .anySatisfy(c -> assertThat(c).endsWith("/reopen"))
                .anySatisfy(c -> assertThat(c).endsWith("/close"))
                .anySatisfy(c -> assertThat(c).contains("/api/work/blocked?"))
                .anySatisfy(c -> assertThat(c).contains("/api/work/board?"))
                .anySatisfy(c -> assertThat(c).endsWith("/history"))
                .anySatisfy(c -> assertThat(c).contains("kind=INSPECTION_FINDING"));
        assertThat(walkthrough.requests()).filteredOn(r -> r.retries() > 0).isNotEmpty();
        assertThat(walkthrough.requests()).filteredOn(r -> r.expectedStatus() == 409).hasSize(2);
    }

    @Test
    void thePermitWalkthroughTakesAPermitControlledJobEndToEnd() {
        List<String> calls = permitWalkthrough.requests().stream().map(r -> r.method() + " " + r.url()).toList();
        for (String step : List.of("/approve", "/apply", "/verify", "/issue", "/start", "/suspend", "/resume", "/complete",
                "/handback", "/remove")) {
            assertThat(calls).as(step).anySatisfy(c -> assertThat(c).startsWith("POST").endsWith(step));
        }
        assertThat(calls).filteredOn(c -> c.startsWith("POST") && c.endsWith("/close")).hasSize(3); // refused, permit, work
        assertThat(permitWalkthrough.requests()).filteredOn(r -> r.retries() > 0).hasSizeGreaterThan(5);
    }
}
