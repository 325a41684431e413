package io.sitework.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The results of one run, written as {@code report.md} (for people) and {@code report.json} (for tools) into
 * {@code results/<timestamp>/}, then copied to {@code results/latest/}.
 */
public final class Report {

    /** A target of issue 10 §3: {@code measured} compared with {@code limit}; {@code atLeast}: the ratio must reach it. */
    public record Target(String scenario, String what, double measured, double limit, boolean atLeast, String explanation) {
        public boolean met() {
            return !Double.isNaN(measured) && (atLeast ? measured >= limit : measured <= limit);
        }
    }

    /** One scenario: its series, its other numbers, and notes. */
    public static final class Section {
        final String name;
        final String title;
        final List<Series> series = new ArrayList<>();
        final Map<String, Object> values = new LinkedHashMap<>();
        final List<String> notes = new ArrayList<>();
        String failure;

        Section(String name, String title) {
            this.name = name;
            this.title = title;
        }

        public Section series(Series s) {
            series.add(s);
            return this;
        }

        public Section value(String key, Object value) {
            values.put(key, value instanceof Double ? Series.round((Double) value) : value);
            return this;
        }

        public Section note(String note) {
            notes.add(note);
            return this;
        }
    }

    private final Map<String, Object> header = new LinkedHashMap<>();
    private final List<Section> sections = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private final List<String> images = new ArrayList<>();
    private final Map<String, List<String>> profiles = new LinkedHashMap<>();

    public Report header(String key, Object value) {
        header.put(key, value);
        return this;
    }

    public Section section(String name, String title) {
        Section s = new Section(name, title);
        sections.add(s);
        return s;
    }

    public void target(Target t) {
        targets.add(t);
    }

    public void image(String fileName) {
        images.add(fileName);
    }

    public void profile(String process, List<String> lines) {
        profiles.put(process, lines);
    }

    public void failed(Section s, Exception e) {
        s.failure = e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    public List<Target> targets() {
        return targets;
    }

    public void write(Path dir, Path latest) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("report.md"), markdown());
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(dir.resolve("report.json"), json.writeValueAsString(toMap()));
        if (latest != null) {
            if (Files.isDirectory(latest)) {
                try (Stream<Path> old = Files.list(latest)) {
                    for (Path p : old.toList()) {
                        if (Files.isRegularFile(p)) {
                            Files.delete(p);
                        }
                    }
                }
            }
            Files.createDirectories(latest);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".jfr")).toList()) {
                    Files.copy(p, latest.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>(header);
        List<Map<String, Object>> ts = new ArrayList<>();
        for (Target t : targets) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("scenario", t.scenario());
            tm.put("target", t.what());
            tm.put("measured", Series.round(t.measured()));
            tm.put("limit", t.limit());
            tm.put("met", t.met());
            if (!t.met() && t.explanation() != null) {
                tm.put("explanation", t.explanation());
            }
            ts.add(tm);
        }
        m.put("targets", ts);
        List<Map<String, Object>> ss = new ArrayList<>();
        for (Section s : sections) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("scenario", s.name);
            sm.put("title", s.title);
            sm.put("series", s.series.stream().map(Series::toMap).toList());
            sm.put("values", s.values);
            sm.put("notes", s.notes);
            if (s.failure != null) {
                sm.put("failure", s.failure);
            }
            ss.add(sm);
        }
        m.put("scenarios", ss);
        m.put("profiles", profiles);
        return m;
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# Sitework benchmark report\n\n");
        header.forEach((k, v) -> md.append("- **").append(k).append("**: ").append(v).append('\n'));
        md.append("\n## Targets (issue 10 §3, ratios measured in this run)\n\n| scenario | target | measured | limit | |\n|---|---|---|---|---|\n");
        for (Target t : targets) {
            md.append("| ").append(t.scenario()).append(" | ").append(t.what()).append(" | ").append(fmt(t.measured()))
                    .append(" | ").append(t.atLeast() ? "≥ " : "≤ ").append(fmt(t.limit())).append(" | ")
                    .append(t.met() ? "**met**" : "**missed**").append(" |\n");
        }
        for (Target t : targets) {
            if (!t.met() && t.explanation() != null) {
                md.append("\n- *").append(t.scenario()).append(", ").append(t.what()).append(" missed*: ").append(t.explanation());
            }
        }
        md.append('\n');
        for (String image : images) {
            md.append("\n![").append(image).append("](").append(image).append(")\n");
        }
        for (Section s : sections) {
            md.append("\n## ").append(s.title).append(" (`").append(s.name).append("`)\n\n");
            if (s.failure != null) {
                md.append("**Failed**: ").append(s.failure).append("\n\n");
            }
            if (!s.series.isEmpty()) {
                md.append("| series | ops/s (median of iterations) | samples | p50 ms | p90 ms | p99 ms | max ms | errors |\n|---|---|---|---|---|---|---|---|\n");
                for (Series x : s.series) {
                    md.append("| ").append(x.name()).append(" | ").append(fmt(x.medianThroughput())).append(" | ").append(x.ops())
                            .append(" | ").append(fmt(x.millis(50))).append(" | ").append(fmt(x.millis(90))).append(" | ")
                            .append(fmt(x.millis(99))).append(" | ").append(fmt(x.maxMillis())).append(" | ").append(x.errors()).append(" |\n");
                }
                md.append('\n');
            }
            s.values.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v instanceof Double ? fmt((Double) v) : v).append('\n'));
            for (String n : s.notes) {
                md.append("- ").append(n).append('\n');
            }
        }
        if (!profiles.isEmpty()) {
            md.append("\n## Profiles (JFR execution samples over the whole run, top frames)\n");
            profiles.forEach((process, lines) -> {
                md.append("\n### ").append(process).append("\n\n```\n");
                lines.forEach(l -> md.append(l).append('\n'));
                md.append("```\n");
            });
        }
        return md.toString();
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
