package io.sitework.support.test;

import io.sitework.support.security.Role;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The role table of docs/security.md, read the way a person reads it. */
public final class RoleTable {

    public static final Path DOC = Path.of("..", "docs", "security.md");

    /** One row: an endpoint and the roles it allows on a site ({@code orgAdmin}: the ORG_ADMIN column). */
    public record Row(String method, String path, Set<Role> roles, boolean orgAdmin) {
        public String endpoint() {
            return method + " " + path;
        }
    }

    private final Map<String, Row> rows;
    private final Set<String> ownDataEndpoints;

    private RoleTable(Map<String, Row> rows, Set<String> ownDataEndpoints) {
        this.rows = rows;
        this.ownDataEndpoints = ownDataEndpoints;
    }

    public static RoleTable read() {
        try {
            return parse(Files.readAllLines(DOC));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RoleTable parse(List<String> lines) {
        Map<String, Row> rows = new LinkedHashMap<>();
        Set<String> own = new java.util.LinkedHashSet<>();
        List<String> header = null;
        for (String line : lines) {
            if (!line.startsWith("|")) {
                header = null;
                continue;
            }
            List<String> cells = cells(line);
            if (cells.get(0).equals("endpoint")) {
                header = cells;
                continue;
            }
            if (header == null || cells.get(0).startsWith("---") || !cells.get(0).startsWith("`")) {
                continue;
            }
            String endpoint = cells.get(0).replace("`", "").strip();
            if (header.size() == 1) {
                own.add(endpoint);
                continue;
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            boolean orgAdmin = false;
            for (int i = 1; i < header.size(); i++) {
                boolean allowed = i < cells.size() && cells.get(i).contains("✓");
                if (!allowed) {
                    continue;
                }
                if (header.get(i).equals("ORG_ADMIN")) {
                    orgAdmin = true;
                } else {
                    roles.add(Role.valueOf(header.get(i)));
                }
            }
            String[] parts = endpoint.split(" ", 2);
            rows.put(endpoint, new Row(parts[0], parts[1], roles, orgAdmin));
        }
        return new RoleTable(rows, own);
    }

    private static List<String> cells(String line) {
        String trimmed = line.strip();
        String inner = trimmed.substring(1, trimmed.endsWith("|") ? trimmed.length() - 1 : trimmed.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|", -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }

    public Map<String, Row> rows() {
        return rows;
    }

    /** Endpoints of the caller's own data, open to every authenticated user. */
    public Set<String> ownDataEndpoints() {
        return ownDataEndpoints;
    }

    public boolean documents(String endpoint) {
        return rows.containsKey(endpoint) || ownDataEndpoints.contains(endpoint);
    }
}
