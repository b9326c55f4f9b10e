-- The portal index of each grant, kept by the synchronous projections in the transaction of every event that can
-- change it (PortalIndexProjection), so that a portal read is one row and the live session check. One row per
-- grant: the answer's item exactly as computed from scratch (custos_portal_index_item), and its footprint, the keys
-- ('kind:id') of every object whose row, links or holds that computation read. A change to an object refreshes the
-- grants whose footprint names it (custos_portal_index_touched). The rows are written by the functions of
-- R__portal_functions.sql, which also fills them for the grants already there.

CREATE TABLE cc_portal_grant_index (
    grant_id  uuid PRIMARY KEY,
    tenant_id uuid NOT NULL,
    answer    jsonb NOT NULL,
    footprint text[] NOT NULL
);
CREATE INDEX cc_portal_grant_index_footprint ON cc_portal_grant_index USING gin (footprint);

SELECT custos_protect_tenant_table('cc_portal_grant_index');
-- Only the portal reads it, through its definer functions: the reader role is given no policy on it, so it sees no
-- row (operators read grants from their own tables).
GRANT SELECT ON cc_portal_grant_index TO custos_definer;
CREATE POLICY definer_tenant ON cc_portal_grant_index FOR SELECT TO custos_definer
    USING (tenant_id = custos_current_tenant());

-- A refresh updates a grant's row in place; a rebuild empties the table and writes it again, like any read table.
GRANT DELETE ON cc_portal_grant_index TO custos_app;
CREATE POLICY app_rebuild_delete ON cc_portal_grant_index FOR DELETE TO custos_app
    USING (custos_rebuild_every_tenant());
CREATE POLICY app_rebuild_count ON cc_portal_grant_index FOR SELECT TO custos_app
    USING (custos_rebuild_every_tenant());
