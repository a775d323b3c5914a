-- What the console's home and settings pages show of delivery (delivery.DeliveryStatusQueries), read without
-- scanning the outbox: messages waiting for a retry after a refused or failed attempt (few, unless the relay
-- refuses everything), and the newest final failures. Both partial, so the dispatcher's hot path of PENDING →
-- SENDING → SENT rows touches neither.
create index outbox_message_retrying on outbox_message (next_attempt_at desc) where status = 'PENDING' and attempts > 0;
create index outbox_message_failed on outbox_message (failed_at desc) where status = 'FAILED';
