package com.eventphotos.contract.deployment;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where both functions find the Event API, wherever they run: infra sets it from the AppSync Events API, the local
 * stack from its event server. The processor reads only {@code httpUrl}.
 *
 * @param httpUrl where events are published ({@code POST …/event}, SigV4 for {@code appsync})
 * @param realtimeUrl where clients subscribe ({@code wss://…/event/realtime}); the API hands it to them
 */
public record LiveEventsEnvironment(String httpUrl, String realtimeUrl) {

    public static final String HTTP_URL = "EVENT_PHOTOS_LIVE_HTTP_URL";
    public static final String REALTIME_URL = "EVENT_PHOTOS_LIVE_REALTIME_URL";

    public Map<String, String> variables() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(HTTP_URL, httpUrl);
        env.put(REALTIME_URL, realtimeUrl);
        return env;
    }
}
