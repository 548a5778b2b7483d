-- Values of custom properties with unique values are kept in unique_value, as the type's key
-- is: one live object per value. Values written before are indexed here; should two objects
-- share one, the older keeps it.

INSERT INTO unique_value (portal_id, object_type, name, value, object_id)
SELECT o.portal_id, o.object_type, p.name, p.value, MIN(o.id)
FROM object_property p
JOIN crm_object o ON o.id = p.object_id
JOIN property_definition d ON d.portal_id = o.portal_id AND d.object_type = o.object_type AND d.name = p.name
WHERE d.has_unique_value AND NOT d.archived AND NOT o.archived AND LENGTH(p.value) <= 512
GROUP BY o.portal_id, o.object_type, p.name, p.value;
