package io.sitework.launcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for a Sitework service jar (JDK only, packed alone into a jar by {@link FakeInstallation}):
 * it prints the configuration it received, answers {@code /actuator/health} with UP and, as the gateway,
 * answers the demo seed's calls: a dev login that gives anyone a token, and an API that wants one. It knows which service it plays from its environment, like the real ones.
 * {@code FAKE_CRASH_MODULE=<module>} makes that service die during startup, as a misconfigured one would.
 */
public final class FakeService {

    private static final Map<String, String> ASSETS = new ConcurrentHashMap<>();
    private static final AtomicInteger WORK = new AtomicInteger();

    private FakeService() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        String module = module(env);
        System.out.println("fake " + module + " starting");
        new TreeMap<>(env).forEach((k, v) -> {
            if (k.startsWith("SITEWORK_") || k.equals("SERVER_ADDRESS") || k.equals("AXONIQ_UPDATE_CHECKER_DISABLED")
                    || k.equals("MANAGEMENT_SERVER_ADDRESS") || k.equals("SERVER_PORT")) {
                System.out.println("env " + k + "=" + v);
            }
        });
        if (module.equals(env.get("FAKE_CRASH_MODULE"))) {
            System.out.println("APPLICATION FAILED TO START: cannot reach the database (fake)");
            System.out.flush();
            System.exit(3);
        }
        int port = Integer.parseInt(env.get(portVariable(module)));
        String address = env.getOrDefault("SERVER_ADDRESS", "127.0.0.1");
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 50);
        server.createContext("/actuator/health", exchange -> reply(exchange, 200, "{\"status\":\"UP\"}"));
        server.createContext("/api/", FakeService::api);
        server.createContext("/auth/dev/token", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String subject = body.replaceAll(".*\"subject\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            reply(exchange, 200, "{\"access_token\":\"fake-token-of-" + subject + "\",\"token_type\":\"Bearer\",\"expires_in\":60}");
        });
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("fake " + module + " stopping");
            server.stop(0);
        }));
        System.out.println("fake " + module + " started on " + address + ":" + port);
    }

    private static String module(Map<String, String> env) {
        if (env.containsKey("SITEWORK_GATEWAY_PORT")) {
            return "gateway";
        }
        if (env.containsKey("SITEWORK_WORK_PORT")) {
            return "work-service";
        }
        if (env.containsKey("SITEWORK_CONTEXT_PORT")) {
            return "context-service";
        }
        return "notification-service";
    }

    private static String portVariable(String module) {
        return switch (module) {
            case "gateway" -> "SITEWORK_GATEWAY_PORT";
            case "work-service" -> "SITEWORK_WORK_PORT";
            case "context-service" -> "SITEWORK_CONTEXT_PORT";
            default -> "SITEWORK_NOTIFICATION_PORT";
        };
    }

    private static void api(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer fake-token-of-")) {
            reply(exchange, 401, "{\"status\":401}");
            return;
        }
        if (path.equals("/api/notifications/preferences")) {
            // as notification-service: a GET shows what the user chose (nothing yet), a PUT echoes the choice
            reply(exchange, 200, exchange.getRequestMethod().equals("PUT") ? body : "{\"email\":null,\"timeZone\":\"Z\"}");
        } else if (exchange.getRequestMethod().equals("POST")) {
            String id = UUID.randomUUID().toString();
            if (path.equals("/api/assets")) {
                String tag = body.replaceAll(".*\"tag\"\\s*:\\s*\"([^\"]+)\".*", "$1");
                ASSETS.put(tag, id);
            } else if (path.equals("/api/work")) {
                WORK.incrementAndGet();
            }
            reply(exchange, 201, "{\"id\":\"" + id + "\"}");
        } else if (path.equals("/api/work")) {
            reply(exchange, 200, "{\"items\":[],\"page\":0,\"size\":50,\"total\":" + WORK.get() + "}");
        } else if (path.equals("/api/assets")) {
            StringBuilder items = new StringBuilder();
            ASSETS.forEach((tag, id) -> items.append(items.length() == 0 ? "" : ",")
                    .append("{\"id\":\"").append(id).append("\",\"tag\":\"").append(tag).append("\"}"));
            reply(exchange, 200, "{\"items\":[" + items + "],\"page\":0,\"size\":200,\"total\":" + ASSETS.size() + "}");
        } else {
            reply(exchange, 404, "{\"status\":404}");
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
