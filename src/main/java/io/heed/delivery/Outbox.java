package io.heed.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * TEMPORARY PLACEHOLDER on branch campaign-base only: the real Outbox is being built on branch `delivery` and
 * replaces this file when merged. It queues nothing. Do not edit; do not rely on mail being sent.
 */
@ApplicationScoped
public class Outbox {
    public long enqueue(NewMessage message) {
        return 0;
    }

    public int enqueueSelect(String selectSql, Map<String, Object> params) {
        return 0;
    }

    public void configureStream(String stream, Integer ratePerMinute) {}

    public void pauseStream(String stream) {}

    public void resumeStream(String stream) {}

    public int cancelStream(String stream) {
        return 0;
    }
}
