package io.sitework.launcher;

import java.util.Optional;

/**
 * A tiny Java agent the launcher attaches to each service JVM ({@code -javaagent:agent.jar=<launcher pid>}):
 * it watches the launcher's process and makes the service exit (cleanly, with its shutdown hooks) within
 * about a second when the launcher is gone — also when the launcher was killed with SIGKILL and had no
 * chance to stop its children.
 *
 * <p>It must depend on nothing but the JDK: it is copied alone into its own jar by {@link AgentJar}, so
 * nothing of the launcher's classpath leaks into a service.
 */
public final class ParentWatchAgent {

    static final long POLL_MILLIS = 1000;

    private ParentWatchAgent() {
    }

    public static void premain(String argument) {
        long pid;
        try {
            pid = Long.parseLong(argument == null ? "" : argument.trim());
        } catch (NumberFormatException e) {
            System.err.println("[sitework] parent watch agent: not a pid: " + argument);
            return;
        }
        Optional<ProcessHandle> launcher = ProcessHandle.of(pid);
        if (launcher.isEmpty() || !launcher.get().isAlive()) {
            System.err.println("[sitework] the launcher (pid " + pid + ") is already gone; exiting");
            System.exit(1);
        }
        ProcessHandle handle = launcher.get();
        Thread watcher = new Thread(() -> watch(handle), "sitework-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void watch(ProcessHandle launcher) {
        try {
            // ProcessHandle.isAlive also compares the start time, so a reused pid does not fool it
            while (launcher.isAlive()) {
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            return;
        }
        System.err.println("[sitework] the launcher (pid " + launcher.pid() + ") is gone; shutting down");
        System.exit(1);
    }
}
