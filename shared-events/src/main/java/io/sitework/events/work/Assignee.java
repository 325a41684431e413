package io.sitework.events.work;

/**
 * Who carries out work: a person, a team or a contractor company.
 *
 * @param type PERSON, TEAM or CONTRACTOR
 * @param id   the user id, team id or contractor id
 */
public record Assignee(String type, String id) {
}
