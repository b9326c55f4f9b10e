-- The one SQL home of the range in which times and dates are kept: 0001-01-01 to 9999-12-31 (UTC), what
-- PostgreSQL can store and show in RFC 3339. Its Java home is dev.custos.events.time.TimeRange; StoredTimesIT shows
-- that the two agree at both edges. custos_time_kept and custos_date_kept move a value outside the range to its
-- nearest edge, which is also what a projection writes for a stored event's value that is outside it.

CREATE OR REPLACE FUNCTION custos_time_kept(t timestamptz) RETURNS timestamptz
    LANGUAGE sql IMMUTABLE STRICT SET search_path = pg_catalog AS $$
    SELECT greatest(least(t, timestamptz '9999-12-31 23:59:59.999999+00'), timestamptz '0001-01-01 00:00:00+00')
$$;
REVOKE EXECUTE ON FUNCTION custos_time_kept(timestamptz) FROM PUBLIC;

CREATE OR REPLACE FUNCTION custos_date_kept(d date) RETURNS date
    LANGUAGE sql IMMUTABLE STRICT SET search_path = pg_catalog AS $$
    SELECT greatest(least(d, date '9999-12-31'), date '0001-01-01')
$$;
REVOKE EXECUTE ON FUNCTION custos_date_kept(date) FROM PUBLIC;
