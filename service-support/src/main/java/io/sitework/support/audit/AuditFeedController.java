package io.sitework.support.audit;

import io.sitework.support.security.Permission;
import io.sitework.support.security.SiteAccess;
import io.sitework.support.web.BadRequestException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.Instant;
import java.util.UUID;

/**
 * The site-wide audit endpoints of an event-sourced service, under its stream's name
 * ({@code sitework.audit.stream}: {@code work}, {@code context}) so the gateway routes each to its owner.
 */
@RestController
public class AuditFeedController {

    public static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final AuditFeed feed;
    private final SiteAccess access;

    public AuditFeedController(AuditFeed feed, SiteAccess access) {
        this.feed = feed;
        this.access = access;
    }

    /** Re-publication asks: the site, where to continue (absent: from the start) and how many events at most. */
    public record RepublishRequest(UUID siteId, String after, Integer limit) {
    }

    @GetMapping("/api/audit/feed/${sitework.audit.stream}")
    public AuditFeed.Page feed(@RequestParam UUID siteId, @RequestParam(required = false) String after,
                               @RequestParam(defaultValue = "" + AuditFeed.DEFAULT_LIMIT) int limit) {
        access.listableSites(Permission.AUDIT_READ, siteId.toString()); // 403 unless the caller may audit the site
        return feed.page(siteId.toString(), after, limit);
    }

    @GetMapping("/api/audit/export/${sitework.audit.stream}")
    public ResponseEntity<StreamingResponseBody> export(
            @RequestParam UUID siteId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        Instant start = from == null ? Instant.EPOCH : from;
        Instant end = to == null ? Instant.parse("9999-12-31T23:59:59Z") : to;
        if (!start.isBefore(end)) {
            throw new BadRequestException("to", "must be after from");
        }
        access.listableSites(Permission.AUDIT_READ, siteId.toString());
        String filename = feed.stream() + "-" + siteId + ".ndjson";
        StreamingResponseBody body = out -> feed.export(siteId.toString(), start, end, out);
        return ResponseEntity.ok()
                .contentType(NDJSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(body);
    }

    @PostMapping("/api/audit/republish/${sitework.audit.stream}")
    public AuditFeed.Republished republish(@RequestBody RepublishRequest request) {
        if (request.siteId() == null) {
            throw new BadRequestException("siteId", "is required");
        }
        access.checkCommand(Permission.AUDIT_OPERATE, request.siteId().toString());
        return feed.republish(request.siteId().toString(), request.after(),
                request.limit() == null ? AuditFeed.MAX_REPUBLISH : request.limit());
    }
}
