package io.sitework.work.api;

import java.util.Objects;

/** Who carries out work: a person (user id), a team, or a contractor company (contractor id). */
public record Assignee(AssigneeType type, String id) {

    public Assignee {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    public enum AssigneeType {
        PERSON, TEAM, CONTRACTOR
    }
}
