package io.sitework.launcher;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar launcher/target/sitework.jar}: the embedded default. Starts the whole platform,
 * prints where it is, and stops it all on Ctrl-C. {@code java -jar sitework.jar seed} only seeds the demo
 * data on a platform running elsewhere ({@link SeedCommand}; docker-compose's seeder).
 *
 * <p>When the launcher is killed hard (SIGKILL), its shutdown hook cannot run. The services and the Kafka
 * broker still stop within a second or two: each runs with {@link ParentWatchAgent}, which exits the JVM
 * when the launcher's process is gone. An embedded PostgreSQL (not a JVM) is stopped by the next launcher
 * using the same data directory ({@link ProcessRegistry}), before it starts anything.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        int exitCode = run(args, System.out, System.err);
        if (exitCode >= 0) {
            System.exit(exitCode);
        }
    }

    /** Returns the exit code, or blocks until the JVM exits (Ctrl-C, a dead child) once the platform runs. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && "seed".equals(args[0])) {
            if (args.length > 1) {
                err.println("seed takes no arguments; it reads SITEWORK_SEED_* environment variables");
                return 2;
            }
            return SeedCommand.run(System.getenv(), out, err);
        }
        LauncherArgs parsed;
        try {
            parsed = LauncherArgs.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println("Run with --help to see the options.");
            return 2;
        }
        if (parsed.help()) {
            out.print(LauncherArgs.HELP);
            return 0;
        }
        Path dataDir = parsed.dataDir().toAbsolutePath().normalize();
        // before anything logs: the launcher's own log (embedded PostgreSQL, Mongo, Kafka admin) goes there
        System.setProperty("sitework.log.dir", dataDir.resolve("logs").toString());

        PlatformConfig config;
        try {
            config = parsed.toConfig(Installation.ofRunningLauncher(), System.getenv());
        } catch (RuntimeException e) {
            err.println("Cannot start Sitework: " + e.getMessage());
            return 1;
        }
        out.println("Starting Sitework (data in " + config.dataDir() + ")");
        Platform platform = new Platform(config, new ConsoleListener(out, err, () -> exitLater(1)));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!platform.isClosing()) {
                out.println();
                out.println("Stopping Sitework...");
            }
            platform.close();
        }, "sitework-shutdown"));
        try {
            platform.start();
        } catch (RuntimeException e) {
            if (e instanceof StartupException s && s.isInterruption()) {
                // stopped by Ctrl-C while starting: the shutdown hook has it in hand, and the JVM is exiting
                return -1;
            }
            return startFailed(e, config, err);
        }
        out.println();
        out.print(banner(platform.publicUrl(), config.logDir(), platform.demoSeedResult(), platform.mailDescription(),
                platform.oidcIssuer()));
        out.flush();
        awaitTermination();
        return -1;
    }

    private static int startFailed(RuntimeException failure, PlatformConfig config, PrintStream err) {
        err.println();
        if (failure instanceof StartupException e) {
            err.println("Sitework did not start: " + e.getMessage());
            if (!e.logTail().isEmpty()) {
                err.println("Last lines of " + e.logFile() + ":");
                ConsoleListener.printTail(err, e.logTail());
            }
        } else {
            err.println("Sitework did not start: " + failure.getMessage());
            Path launcherLog = config.logDir().resolve("launcher.log");
            if (Files.exists(launcherLog)) {
                err.println("The launcher's own log: " + launcherLog);
            }
        }
        return 1;
    }

    static String banner(URI url, Path logDir, DemoSeedResult demo) {
        return banner(url, logDir, demo, null);
    }

    static String banner(URI url, Path logDir, DemoSeedResult demo, String mail) {
        return banner(url, logDir, demo, mail, null);
    }

    /**
     * {@code mail}: where e-mail goes and how to read it, or null. {@code oidcIssuer}: the OIDC provider people log
     * in at, or null: the dev login.
     */
    static String banner(URI url, Path logDir, DemoSeedResult demo, String mail, String oidcIssuer) {
        String base = url.toString().replaceAll("/$", "");
        String indent = "                   ";
        StringBuilder text = new StringBuilder();
        text.append("Sitework is running.\n");
        text.append("  Portal and API   ").append(url).append('\n');
        text.append("  Logs             ").append(logDir).append('\n');
        if (mail != null) {
            text.append("  E-mail           ").append(mail).append('\n');
        }
        if (oidcIssuer == null) {
            text.append("  Log in           ").append(loginCommand(base, DemoData.PLANNER)).append('\n');
            text.append("  Demo users       ").append(String.join(", ", DemoData.LOGINS.subList(0, 5))).append(",\n");
            text.append(indent).append(String.join(", ", DemoData.LOGINS.subList(5, DemoData.LOGINS.size()))).append('\n');
            text.append(indent).append("(their roles: curl ").append(base).append("/auth/dev/users)\n");
        } else {
            text.append("  Log in           at ").append(oidcIssuer).append(" (the portal takes you there; $TOKEN below is\n");
            text.append(indent).append("an access token of that provider)\n");
        }
        if (demo.outcome() != DemoSeedResult.Outcome.DISABLED) {
            String site = DemoData.SITE_ID.toString();
            text.append("  Demo site        ").append(site).append(" (work owned by ")
                    .append(String.join(", ", DemoData.USERS)).append(")\n");
            if (demo.outcome() == DemoSeedResult.Outcome.FAILED) {
                text.append(indent).append("seeding failed: ").append(demo.detail()).append('\n');
            }
            text.append("  Try              curl -H \"Authorization: Bearer $TOKEN\" '").append(base)
                    .append("/api/work?siteId=").append(site).append("'\n");
            text.append(indent).append("curl -H \"Authorization: Bearer $TOKEN\" '").append(base)
                    .append("/api/notifications'   # the inbox of the token's user\n");
        } else {
            text.append("  Try              curl -H \"Authorization: Bearer $TOKEN\" '").append(base)
                    .append("/api/notifications'\n");
        }
        text.append("Press Ctrl-C to stop.\n");
        return text.toString();
    }

    /** A shell line that logs in at the dev login as {@code subject} and keeps the token in {@code $TOKEN}. */
    static String loginCommand(String base, String subject) {
        return "TOKEN=$(curl -s -X POST " + base + "/auth/dev/token -H 'Content-Type: application/json' -d '{\"subject\":\""
                + subject + "\"}' | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')";
    }

    private static void exitLater(int code) {
        // System.exit runs the shutdown hooks, which stop the platform; never call it from the watcher itself
        Thread exit = new Thread(() -> System.exit(code), "sitework-exit");
        exit.start();
    }

    private static void awaitTermination() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
