package io.sitework.launcher;

import java.net.URI;
import java.util.Map;

/**
 * One Sitework process to run: its module (which names its jar and its log), the port it serves on,
 * the environment that configures it and where it says it is ready.
 */
record ServiceSpec(String module, int port, Map<String, String> environment, URI healthUri) {

    ServiceSpec {
        environment = Map.copyOf(environment);
    }
}
