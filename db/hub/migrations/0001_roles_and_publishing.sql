-- Roles, rights and the one way in. Three group roles that trust IT grants to people's login
-- roles: px_hub_publisher may only call px_hub.publish_bundle; px_hub_reader may only read;
-- px_hub_admin registers publishers' keys. Nobody updates or deletes anything, the hub's owner
-- included: triggers refuse it (only a superuser dropping them could).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'px_hub_publisher') THEN
    CREATE ROLE px_hub_publisher NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'px_hub_reader') THEN
    CREATE ROLE px_hub_reader NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'px_hub_admin') THEN
    CREATE ROLE px_hub_admin NOLOGIN;
  END IF;
END
$$;
--> statement-breakpoint
REVOKE ALL ON SCHEMA px_hub FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON ALL TABLES IN SCHEMA px_hub FROM PUBLIC;
--> statement-breakpoint
GRANT USAGE ON SCHEMA px_hub TO px_hub_publisher, px_hub_reader, px_hub_admin;
--> statement-breakpoint
GRANT SELECT ON px_hub.units, px_hub.bundles, px_hub.publisher_keys TO px_hub_reader;
--> statement-breakpoint
GRANT SELECT, INSERT ON px_hub.publisher_keys TO px_hub_admin;
--> statement-breakpoint
GRANT SELECT ON px_hub.publisher_keys TO px_hub_publisher;
--> statement-breakpoint
-- A key is registered under the id every laptop computes for it (SHA-256 of the raw Ed25519
-- key inside the PEM), so a mistyped id or a key of another kind cannot be registered.
ALTER TABLE px_hub.publisher_keys ADD CONSTRAINT publisher_keys_key_matches CHECK (
  octet_length(decode(regexp_replace(public_key_pem, '-----[A-Z ]+-----|\s', '', 'g'), 'base64')) = 44
  AND substring(decode(regexp_replace(public_key_pem, '-----[A-Z ]+-----|\s', '', 'g'), 'base64') from 1 for 12)
    = '\x302a300506032b6570032100'::bytea
  AND key_id = encode(sha256(substring(decode(regexp_replace(public_key_pem, '-----[A-Z ]+-----|\s', '', 'g'), 'base64') from 13 for 32)), 'hex')
);
--> statement-breakpoint
CREATE FUNCTION px_hub.refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'The trust hub keeps everything it receives: % on % is not allowed.', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER units_append_only BEFORE UPDATE OR DELETE ON px_hub.units
  FOR EACH ROW EXECUTE FUNCTION px_hub.refuse_change();
--> statement-breakpoint
CREATE TRIGGER units_no_truncate BEFORE TRUNCATE ON px_hub.units
  FOR EACH STATEMENT EXECUTE FUNCTION px_hub.refuse_change();
--> statement-breakpoint
CREATE TRIGGER bundles_append_only BEFORE UPDATE OR DELETE ON px_hub.bundles
  FOR EACH ROW EXECUTE FUNCTION px_hub.refuse_change();
--> statement-breakpoint
CREATE TRIGGER bundles_no_truncate BEFORE TRUNCATE ON px_hub.bundles
  FOR EACH STATEMENT EXECUTE FUNCTION px_hub.refuse_change();
--> statement-breakpoint
CREATE TRIGGER publisher_keys_append_only BEFORE UPDATE OR DELETE ON px_hub.publisher_keys
  FOR EACH ROW EXECUTE FUNCTION px_hub.refuse_change();
--> statement-breakpoint
CREATE TRIGGER publisher_keys_no_truncate BEFORE TRUNCATE ON px_hub.publisher_keys
  FOR EACH STATEMENT EXECUTE FUNCTION px_hub.refuse_change();
--> statement-breakpoint
-- A bundle goes in whole or not at all, once. Runs with the owner's rights (publishers have none
-- on the tables) after checking, against the database's own session user, that the key every
-- unit is signed with is registered to the person calling. Whether the signatures are valid is
-- checked by every reader against the keys they trust, never taken on the hub's word.
CREATE FUNCTION px_hub.publish_bundle(p_bundle_id uuid, p_key_id text, p_units jsonb) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_role text;
  v_unit jsonb;
  v_existing text;
BEGIN
  IF NOT pg_has_role(session_user, 'px_hub_publisher', 'MEMBER') THEN
    RAISE EXCEPTION 'Only a publisher can publish to the trust hub; % is not one.', session_user
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT role_name INTO v_role FROM px_hub.publisher_keys WHERE key_id = p_key_id;
  IF v_role IS NULL THEN
    RAISE EXCEPTION 'The signing key % is not registered on this trust hub.', p_key_id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF v_role <> session_user THEN
    RAISE EXCEPTION 'The signing key % is registered to another publisher, not to %.', p_key_id, session_user
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF jsonb_typeof(p_units) <> 'array' THEN
    RAISE EXCEPTION 'A bundle is a list of signed units.' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended(p_bundle_id::text, 0));
  IF EXISTS (SELECT 1 FROM px_hub.bundles WHERE id = p_bundle_id) THEN
    RETURN 'already_published';
  END IF;
  INSERT INTO px_hub.bundles (id, key_id, published_by, unit_count)
    VALUES (p_bundle_id, p_key_id, session_user, jsonb_array_length(p_units));
  FOR v_unit IN SELECT value FROM jsonb_array_elements(p_units) LOOP
    IF v_unit->>'keyId' IS DISTINCT FROM p_key_id THEN
      RAISE EXCEPTION 'Unit % is signed with another key than its bundle.', v_unit->>'id'
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT payload INTO v_existing FROM px_hub.units WHERE id = (v_unit->>'id')::uuid;
    IF FOUND THEN
      IF v_existing IS DISTINCT FROM v_unit->>'payload' THEN
        RAISE EXCEPTION 'Unit % is already on the hub with different content.', v_unit->>'id'
          USING ERRCODE = 'unique_violation';
      END IF;
      CONTINUE;
    END IF;
    INSERT INTO px_hub.units (id, kind, key_id, bundle_id, payload, signature)
      VALUES ((v_unit->>'id')::uuid, v_unit->>'kind', p_key_id, p_bundle_id, v_unit->>'payload',
              v_unit->>'signature');
  END LOOP;
  RETURN 'published';
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION px_hub.publish_bundle(uuid, text, jsonb) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION px_hub.publish_bundle(uuid, text, jsonb) TO px_hub_publisher;
