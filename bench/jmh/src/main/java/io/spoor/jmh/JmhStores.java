package io.spoor.jmh;

import io.spoor.crm.ContactStore;
import io.spoor.crm.ObjectType;
import io.spoor.crm.PropertyDefinition;
import io.spoor.crm.PropertyDefinitionStore;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

/** Stores that answer from memory, so benchmarks of the appliers' rules measure no SQL. */
public final class JmhStores {
  private JmhStores() {
  }

  /** A contact store whose contacts have no stored values yet; nothing else may be asked. */
  public static ContactStore contactsWithNoValues() {
    return (ContactStore) Proxy.newProxyInstance(ContactStore.class.getClassLoader(),
        new Class<?>[] {ContactStore.class}, (proxy, method, args) -> {
          if (method.getName().equals("values")) {
            return Map.of();
          }
          throw new UnsupportedOperationException("not expected in this benchmark: " + method.getName());
        });
  }

  /** A portal's custom properties, the same for every object type; they cannot be changed. */
  public static PropertyDefinitionStore customProperties(List<PropertyDefinition> custom) {
    return new PropertyDefinitionStore() {
      @Override
      public List<PropertyDefinition> custom(long portalId, ObjectType type) {
        return custom;
      }

      @Override
      public boolean create(long portalId, ObjectType type, PropertyDefinition definition) {
        throw new UnsupportedOperationException();
      }

      @Override
      public boolean update(long portalId, ObjectType type, PropertyDefinition definition) {
        throw new UnsupportedOperationException();
      }

      @Override
      public boolean archive(long portalId, ObjectType type, String name) {
        throw new UnsupportedOperationException();
      }
    };
  }
}
