package io.sitework.launcher;

import java.util.Map;

/** The calls the launcher makes on the platform's API. */
interface JsonApi {

    JsonHttp.Response get(String pathAndQuery, Map<String, String> headers);

    JsonHttp.Response post(String path, Object body, Map<String, String> headers);

    JsonHttp.Response put(String path, Object body, Map<String, String> headers);
}
