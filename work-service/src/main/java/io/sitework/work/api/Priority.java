package io.sitework.work.api;

public enum Priority {
    LOW, MEDIUM, HIGH, CRITICAL
}
