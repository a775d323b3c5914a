-- n random bytes from the server's strong random source, for secrets SQL writes in bulk: each recipient's
-- personal link nonce at launch (the caller passes security.LinkTokens.NONCE_BYTES, so Java and SQL share one
-- size). Built from gen_random_uuid() (core PostgreSQL, no extension): each UUID gives 16 bytes carrying 122
-- random bits (version 4 fixes six of them), so 32 bytes carry 244. Volatile: every call, every row, differs.
create function heed_random_bytes(n int) returns bytea
    language sql volatile strict as $$
    select substring(string_agg(uuid_send(gen_random_uuid()), ''::bytea) from 1 for n)
      from generate_series(1, (n + 15) / 16)
$$;
