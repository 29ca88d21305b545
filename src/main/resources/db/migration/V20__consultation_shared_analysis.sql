-- Issue 13 (clinical records), the last part, now that skin analyses exist (issue 12): a client may
-- share one of their DONE analyses when asking for a consultation. Deleting the analysis (the
-- client's right) unshares it.
alter table consultations
    add column analysis_id uuid references skin_analyses (id) on delete set null;
