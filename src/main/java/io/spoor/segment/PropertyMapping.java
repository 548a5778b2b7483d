package io.spoor.segment;

import io.spoor.crm.ChangeSource;
import io.spoor.crm.ObjectChanges;
import io.spoor.crm.PropertyDefinition;
import io.spoor.http.Param;
import io.spoor.ingest.Batch;
import io.spoor.ingest.RejectReason;
import io.spoor.ingest.SegmentHit;
import io.spoor.portal.Portal;
import io.spoor.track.PropertyParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Mapped traits set on a contact or company: each typed by its property ({@link TraitValues}),
 * then checked and set by the CRM's rules as any other property parameter, changed at the
 * event's time. A trait that names no property is dropped, and so is one of the wrong type or
 * value; each such one is a refused part of the hit's rejection.
 */
final class PropertyMapping {
  private final ObjectChanges changes;
  private final String objectName;

  PropertyMapping(ObjectChanges changes, String objectName) {
    this.changes = changes;
    this.objectName = objectName;
  }

  /** Sets the traits on the object; returns the values set by property name (empty text for a clear). */
  Map<String, String> apply(Map<String, Object> traits, SegmentHit hit, Portal portal, long objectId,
      Batch batch) {
    List<Param> params = new ArrayList<>(traits.size());
    traits.forEach((name, value) -> {
      Optional<PropertyDefinition> definition = changes.definition(portal.hubId(), name);
      if (definition.isEmpty()) {
        params.add(new Param(name, Traits.text(value))); // refused by PropertyParams: a bad name, or unknown
        return;
      }
      TraitValues.Text text = TraitValues.of(definition.get(), value);
      if (text instanceof TraitValues.Fits fits) {
        params.add(new Param(name, fits.text()));
      } else {
        batch.reject(hit, RejectReason.INVALID_TRAIT_TYPE, false, ((TraitValues.WrongType) text).problem());
      }
    });
    return new PropertyParams(changes, ChangeSource.SEGMENT, objectName)
        .apply(portal, hit, params, List.of(), Optional.of(objectId), hit.timestamp(), batch);
  }
}
