package io.sitework.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The command line of a service JVM. */
final class JavaCommand {

    /** Environment variable that replaces the default JVM options of every service. */
    static final String JAVA_OPTS_VARIABLE = "SITEWORK_JAVA_OPTS";

    private JavaCommand() {
    }

    /** The JVM options: {@code SITEWORK_JAVA_OPTS} split on whitespace when set, else the defaults. */
    static List<String> jvmOptions(String fromEnvironment, List<String> defaults) {
        if (fromEnvironment == null || fromEnvironment.isBlank()) {
            return defaults;
        }
        return Arrays.stream(fromEnvironment.trim().split("\\s+")).toList();
    }

    /**
     * {@code java <options> [-javaagent:<agent>=<launcher pid>] -jar <jar>}; the agent makes the service
     * exit when the launcher is gone (see {@link ParentWatchAgent}).
     */
    static List<String> forJar(Path javaHome, List<String> jvmOptions, Path parentWatchAgent, long launcherPid, Path jar) {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        command.addAll(jvmOptions);
        if (parentWatchAgent != null) {
            command.add("-javaagent:" + parentWatchAgent.toAbsolutePath() + "=" + launcherPid);
        }
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        return command;
    }

    static Path currentJavaHome() {
        return Path.of(System.getProperty("java.home"));
    }
}
