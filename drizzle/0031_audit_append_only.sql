-- A sealed audit entry is never changed or removed by the application (docs/security.md, "Audit log"). This only
-- stops mistakes and the application's own statements: the table owner can disable the trigger, and what is then
-- changed is found by `motcua audit verify` through the hash chain.
CREATE FUNCTION audit_entries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.seq IS NOT NULL THEN
    RAISE EXCEPTION 'audit entry %/% is sealed and cannot be changed or deleted', OLD.unit_id, OLD.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
  FOR EACH ROW EXECUTE FUNCTION audit_entries_refuse_change();
