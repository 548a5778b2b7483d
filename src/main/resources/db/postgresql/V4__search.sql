-- Contact search, merge and GDPR delete: contacts sorted by their create and change dates
-- without a full sort, and a contact's external ids found without a scan (merges move them,
-- GDPR deletes remove them).

CREATE INDEX crm_object_by_created ON crm_object (portal_id, object_type, created_at);
CREATE INDEX crm_object_by_updated ON crm_object (portal_id, object_type, updated_at);
CREATE INDEX external_id_by_contact ON external_id (contact_id);
