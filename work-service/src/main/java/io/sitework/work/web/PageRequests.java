package io.sitework.work.web;

import io.sitework.support.web.BadRequestException;
import org.springframework.data.domain.Sort;

import java.util.Locale;
import java.util.Set;

/** Paging and sorting parameters of list endpoints: {@code ?page=0&size=50&sort=dueAt,asc}. */
final class PageRequests {

    static final int MAX_SIZE = 200;
    static final Set<String> SORTABLE = Set.of("dueAt", "requestedAt", "updatedAt", "priority", "title", "status", "kind");

    private PageRequests() {
    }

    static void validate(int page, int size) {
        if (page < 0) {
            throw new BadRequestException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new BadRequestException("size", "must be between 1 and " + MAX_SIZE);
        }
    }

    static Sort sort(String sort) {
        if (sort == null || sort.isBlank()) {
            return Sort.by(Sort.Direction.DESC, "requestedAt");
        }
        String[] parts = sort.split(",");
        String field = parts[0].strip();
        if (!SORTABLE.contains(field)) {
            throw new BadRequestException("sort", "can sort by " + String.join(", ", SORTABLE.stream().sorted().toList()));
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
