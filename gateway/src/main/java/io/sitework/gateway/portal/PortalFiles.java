package io.sitework.gateway.portal;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The portal's built files. A path naming a file is that file; any other path is a route of the single-page
 * app and gets index.html. Vite names its bundles after their content ({@code /assets/index-3f9a1c.js}), so
 * those are cached for a year as immutable; index.html is revalidated on every load, so a new build shows at
 * once. When the portal was not built (no npm on the build machine), every page explains how to build it.
 */
public final class PortalFiles {

    private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");
    static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
    static final CacheControl REVALIDATE = CacheControl.noCache();

    private final String location;
    private final ResourceLoader resources;
    private final Resource index;
    private final byte[] notBuiltPage;

    PortalFiles(String location, ResourceLoader resources) {
        this.location = location;
        this.resources = resources;
        Resource candidate = resources.getResource(location + "index.html");
        this.index = candidate.exists() && candidate.isReadable() ? candidate : null;
        this.notBuiltPage = read(resources.getResource("classpath:/portal-not-built/index.html"));
    }

    /** Paths the portal answers: everything but the API, the login endpoints and the actuator. */
    static boolean isPortalPath(String path) {
        return !(under(path, "/api") || under(path, "/auth") || under(path, "/actuator"));
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    boolean built() {
        return index != null;
    }

    Mono<ServerResponse> serve(ServerRequest request) {
        if (index == null) {
            return ServerResponse.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .cacheControl(REVALIDATE).bodyValue(notBuiltPage);
        }
        String path = request.path();
        return Mono.fromCallable(() -> Optional.ofNullable(file(path))).subscribeOn(Schedulers.boundedElastic()).flatMap(found -> {
            if (found.isPresent()) {
                Resource file = found.get();
                boolean hashed = path.startsWith("/assets/");
                return ServerResponse.ok()
                        .contentType(MediaTypeFactory.getMediaType(file).orElse(MediaType.APPLICATION_OCTET_STREAM))
                        .cacheControl(hashed ? IMMUTABLE : REVALIDATE)
                        .bodyValue(file);
            }
            if (looksLikeAFile(path)) {
                // a missing bundle (an old index.html in some cache) must not be answered with HTML
                return ServerResponse.notFound().build();
            }
            return ServerResponse.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .cacheControl(REVALIDATE).bodyValue(index);
        });
    }

    /** The file at this path, or null; only plain path segments, so nothing outside the location is reachable. */
    private Resource file(String path) throws IOException {
        String last = path.substring(path.lastIndexOf('/') + 1);
        // every file of the build has an extension; anything else is a client-side route
        if (!SAFE_PATH.matcher(path).matches() || path.contains("/.") || !last.contains(".")) {
            return null;
        }
        Resource resource = resources.getResource(location + path.substring(1));
        if (!resource.exists() || !resource.isReadable()) {
            return null;
        }
        return resource.isFile() && resource.getFile().isDirectory() ? null : resource;
    }

    private static boolean looksLikeAFile(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        return path.startsWith("/assets/") || last.matches(".+\\.(js|css|map|png|svg|ico|json|txt|woff2?|webmanifest)");
    }

    private static byte[] read(Resource resource) {
        try (var in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the gateway's portal-not-built page is missing", e);
        }
    }
}
