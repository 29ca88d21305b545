-- Issue 11: one hold per holder and clinic, enforced by the database (two concurrent holds by the
-- same holder for different practitioners took different locks). Older duplicates, if any, keep
-- the newest.
delete from appointment_holds a using appointment_holds b
    where a.clinic_id = b.clinic_id and a.holder = b.holder and a.created_at < b.created_at;
delete from appointment_holds a using appointment_holds b
    where a.clinic_id = b.clinic_id and a.holder = b.holder and a.created_at = b.created_at and a.id < b.id;
drop index if exists appointment_holds_holder_idx;
create unique index appointment_holds_holder_uk on appointment_holds (clinic_id, holder);
