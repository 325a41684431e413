package io.sitework.work.api;

/** A document the work refers to (a procedure, a drawing, a datasheet): its title and where to find it. */
public record DocumentRef(String title, String url) {
}
