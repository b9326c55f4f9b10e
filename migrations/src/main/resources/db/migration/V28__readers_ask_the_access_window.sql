-- Operators' reads of grants and tokens ask the one SQL home of "is this grant or token still active?", so a grant
-- past its expiry reads as expired at once, not only after the next portal exchange has recorded it.
GRANT EXECUTE ON FUNCTION custos_access_open(text, timestamptz) TO custos_reader;
