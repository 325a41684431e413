package io.sitework.launcher;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortChooserTest {

    /** Ports in use on the pretend machine; the OS hands out free ports from a queue. */
    private static PortChooser chooser(Set<Integer> inUse, Integer... osFreePorts) {
        Deque<Integer> free = new ArrayDeque<>(List.of(osFreePorts));
        return new PortChooser(port -> !inUse.contains(port), free::removeFirst);
    }

    @Test
    void takesThePreferredPortWhenItIsFree() {
        assertThat(chooser(Set.of(), 50001).preferredOrFree(9092)).isEqualTo(9092);
    }

    @Test
    void takesAFreePortWhenThePreferredOneIsInUse() {
        assertThat(chooser(Set.of(9092), 50001).preferredOrFree(9092)).isEqualTo(50001);
    }

    @Test
    void zeroMeansAnyFreePort() {
        PortChooser chooser = chooser(Set.of(), 50001, 50002);

        assertThat(chooser.preferredOrFree(0)).isEqualTo(50001);
        assertThat(chooser.exactly(0, "gateway", "")).isEqualTo(50002);
    }

    @Test
    void neverChoosesAPortTwice() {
        // the OS may offer a port that was chosen but is not bound yet
        PortChooser chooser = chooser(Set.of(), 9092, 9092, 50003);

        assertThat(chooser.preferredOrFree(9092)).isEqualTo(9092);
        assertThat(chooser.preferredOrFree(9092)).isEqualTo(50003);
    }

    @Test
    void theGatewayPortIsExactlyTheOneAskedFor() {
        assertThat(chooser(Set.of()).exactly(8080, "gateway", "hint")).isEqualTo(8080);
    }

    @Test
    void aTakenGatewayPortIsAnErrorThatSaysWhatToDo() {
        assertThatThrownBy(() -> chooser(Set.of(8080), 50001).exactly(8080, "gateway", "Use --gateway-port."))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Port 8080 (gateway) is already in use. Use --gateway-port.");
    }

    @Test
    void aPortChosenForSomethingElseIsTakenForTheGateway() {
        PortChooser chooser = chooser(Set.of());
        chooser.preferredOrFree(8080);

        assertThatThrownBy(() -> chooser.exactly(8080, "gateway", "")).hasMessageContaining("8080");
    }
}
