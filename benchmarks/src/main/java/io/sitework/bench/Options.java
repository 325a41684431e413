package io.sitework.bench;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The command line: {@code --quick}, {@code --only <scenario>[,<scenario>]}, {@code --out <dir>}, {@code --no-jfr}. */
public record Options(Sizes sizes, Set<String> only, Path out, boolean jfr) {

    public static final List<String> SCENARIOS =
            List.of("gateway", "commands", "append", "inbox", "long-aggregates", "growth", "replay", "reads");

    public static Options parse(String[] args) {
        Sizes sizes = Sizes.full();
        Set<String> only = new LinkedHashSet<>();
        Path out = Path.of("benchmarks", "results");
        boolean jfr = true;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--quick":
                    sizes = Sizes.quick();
                    break;
                case "--only":
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--only needs a scenario: one of " + SCENARIOS);
                    }
                    for (String s : args[++i].split(",")) {
                        if (!SCENARIOS.contains(s.trim())) {
                            throw new IllegalArgumentException("unknown scenario " + s + ": one of " + SCENARIOS);
                        }
                        only.add(s.trim());
                    }
                    break;
                case "--out":
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--out needs a directory");
                    }
                    out = Path.of(args[++i]);
                    break;
                case "--no-jfr":
                    jfr = false;
                    break;
                default:
                    throw new IllegalArgumentException("unknown argument " + arg
                            + " (use --quick, --only <scenario>, --out <dir>, --no-jfr; scenarios " + SCENARIOS + ")");
            }
        }
        return new Options(sizes, Set.copyOf(only), out, jfr);
    }

    public boolean runs(String scenario) {
        return only.isEmpty() || only.contains(scenario);
    }
}
