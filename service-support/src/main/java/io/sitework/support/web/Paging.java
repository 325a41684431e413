package io.sitework.support.web;

import org.springframework.data.domain.Sort;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Paging and sorting parameters of list endpoints: {@code ?page=0&size=50&sort=dueAt,asc}, size capped. */
public final class Paging {

    public static final int MAX_SIZE = 200;

    private Paging() {
    }

    /** One page of a list: the shape every list endpoint answers with. */
    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    public static void validate(int page, int size) {
        if (page < 0) {
            throw new BadRequestException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new BadRequestException("size", "must be between 1 and " + MAX_SIZE);
        }
    }

    /**
     * The sort a {@code field[,asc|desc]} parameter asks for, restricted to {@code sortable}
     * fields; {@code fallback} when absent.
     */
    public static Sort sort(String sort, Set<String> sortable, Sort fallback) {
        if (sort == null || sort.isBlank()) {
            return fallback;
        }
        String[] parts = sort.split(",");
        String field = parts[0].strip();
        if (!sortable.contains(field)) {
            throw new BadRequestException("sort", "can sort by " + String.join(", ", sortable.stream().sorted().toList()));
        }
        Sort.Direction direction = Sort.Direction.ASC;
        if (parts.length > 1) {
            String dir = parts[1].strip().toLowerCase(Locale.ROOT);
            if (!dir.equals("asc") && !dir.equals("desc")) {
                throw new BadRequestException("sort", "direction must be asc or desc");
            }
            direction = dir.equals("asc") ? Sort.Direction.ASC : Sort.Direction.DESC;
        }
        return Sort.by(direction, field);
    }
}
