package io.sitework.launcher;

import io.sitework.infra.KafkaBrokerProcess;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.IntSupplier;

/**
 * Chooses the ports of one platform: the usual ones when they are free, other free ones when not,
 * and never the same port twice.
 */
final class PortChooser {

    private static final int MAX_ATTEMPTS = 100;

    private final IntPredicate isFree;
    private final IntSupplier anyFreePort;
    private final Set<Integer> chosen = new HashSet<>();

    PortChooser(IntPredicate isFree, IntSupplier anyFreePort) {
        this.isFree = isFree;
        this.anyFreePort = anyFreePort;
    }

    /** Checks ports by binding them on all interfaces. */
    static PortChooser system() {
        return new PortChooser(PortChooser::canBind, KafkaBrokerProcess::freePort);
    }

    /** {@code preferred} when it is free and not chosen yet, else any free port; 0 means any free port. */
    synchronized int preferredOrFree(int preferred) {
        if (preferred != 0 && !chosen.contains(preferred) && isFree.test(preferred)) {
            chosen.add(preferred);
            return preferred;
        }
        return anyFree();
    }

    /** Exactly {@code port} (0: any free one); fails when it is taken. */
    synchronized int exactly(int port, String purpose, String hint) {
        if (port == 0) {
            return anyFree();
        }
        if (chosen.contains(port) || !isFree.test(port)) {
            throw new IllegalStateException("Port " + port + " (" + purpose + ") is already in use. " + hint);
        }
        chosen.add(port);
        return port;
    }

    private int anyFree() {
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            int port = anyFreePort.getAsInt();
            if (chosen.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("Could not find a free port");
    }

    static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
