package io.heed.delivery;

import java.time.Instant;

public record NewMessage(String kind, String reference, String toAddress, String stream, Instant dueAt, boolean test) {}
