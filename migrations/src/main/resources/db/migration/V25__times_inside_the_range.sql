-- Times and dates are kept from 0001-01-01 to 9999-12-31 (UTC) only. Before this rule the edge accepted any instant or
-- date Java could parse, and PostgreSQL stored what it could not show in RFC 3339: -infinity for -999999999-01-01,
-- years before 1 and past 9999, and 9999-12-31T23:59:59.999999999Z rounded into the year 10000. Readers then failed
-- on every call that met such a row (the portal's index and evidence answered 500).
--
-- The one SQL home of the range. Its Java home is dev.custos.events.time.TimeRange; StoredTimesIT shows that
-- the two agree at both edges. custos_time_kept and custos_date_kept move a value outside the range to its nearest
-- edge, which is also what a projection writes for a stored event's value that is outside it.
CREATE FUNCTION custos_time_kept(t timestamptz) RETURNS timestamptz
    LANGUAGE sql IMMUTABLE STRICT SET search_path = pg_catalog AS $$
    SELECT greatest(least(t, timestamptz '9999-12-31 23:59:59.999999+00'), timestamptz '0001-01-01 00:00:00+00')
$$;

CREATE FUNCTION custos_date_kept(d date) RETURNS date
    LANGUAGE sql IMMUTABLE STRICT SET search_path = pg_catalog AS $$
    SELECT greatest(least(d, date '9999-12-31'), date '0001-01-01')
$$;
REVOKE EXECUTE ON FUNCTION custos_time_kept(timestamptz) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION custos_date_kept(date) FROM PUBLIC;

-- The repair of the rows stored before the rule, reported per table and column (RAISE WARNING, in Flyway's log):
-- - an optional fact that may be unknown (evidence occurred_at) becomes NULL: an invented date would be worse;
-- - every other value (an expiry, a loss date, a time the service recorded) moves to the nearest edge of the range,
--   so that an expiry past 9999 still means "never within the range" and a NOT NULL column stays filled.
-- The event store is append-only and is not changed: the events keep what was sent, and the projections apply the
-- same rule when they write (a rebuild gives the repaired rows). The append-only audit tables (cc_operator_events,
-- cc_authority_access_events, cc_usage_events) hold only times the service took from its own clock; a value outside
-- the range there is reported and left as recorded.
-- The owner is itself subject to the forced row-level security, so it is lifted for a table only while that table
-- is read and repaired, inside this migration's transaction (as V7 and V18 do).
DO $$
DECLARE
    c record;
    forced boolean;
    bad bigint;
    total bigint := 0;
    kept text;
    outside text;
BEGIN
    FOR c IN
        SELECT k.table_name::text AS table_name, k.column_name::text AS column_name, k.data_type::text AS data_type
          FROM information_schema.columns k
          JOIN information_schema.tables t ON t.table_schema = k.table_schema AND t.table_name = k.table_name
         WHERE k.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND k.table_name LIKE 'cc\_%'
           AND k.data_type IN ('timestamp with time zone', 'date')
         ORDER BY k.table_name, k.column_name
    LOOP
        kept := CASE c.data_type WHEN 'date' THEN 'custos_date_kept' ELSE 'custos_time_kept' END;
        outside := format('%I <> %s(%I)', c.column_name, kept, c.column_name);
        SELECT relforcerowsecurity INTO forced FROM pg_class WHERE oid = c.table_name::regclass;
        IF forced THEN
            EXECUTE format('ALTER TABLE %I NO FORCE ROW LEVEL SECURITY', c.table_name);
        END IF;
        EXECUTE format('SELECT count(*) FROM %I WHERE %s', c.table_name, outside) INTO bad;
        total := total + bad;
        IF bad > 0 THEN
            IF EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = c.table_name::regclass
                                                  AND tgfoid = 'custos_refuse_change'::regproc) THEN
                RAISE WARNING '%.%: % value(s) outside 0001-01-01 .. 9999-12-31, left as recorded (append-only)',
                    c.table_name, c.column_name, bad;
            ELSIF c.table_name = 'cc_evidence_objects' AND c.column_name = 'occurred_at' THEN
                EXECUTE format('UPDATE %I SET %I = NULL WHERE %s', c.table_name, c.column_name, outside);
                RAISE WARNING '%.%: % value(s) outside 0001-01-01 .. 9999-12-31, set to NULL',
                    c.table_name, c.column_name, bad;
            ELSE
                EXECUTE format('UPDATE %I SET %I = %s(%I) WHERE %s', c.table_name, c.column_name, kept,
                               c.column_name, outside);
                RAISE WARNING '%.%: % value(s) outside 0001-01-01 .. 9999-12-31, moved to the nearest edge',
                    c.table_name, c.column_name, bad;
            END IF;
        END IF;
        IF forced THEN
            EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', c.table_name);
        END IF;
    END LOOP;
    RAISE NOTICE 'times outside 0001-01-01 .. 9999-12-31 in the read tables: % found', total;
END
$$;
