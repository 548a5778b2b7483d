package io.spoor.http;

import io.vertx.ext.web.Router;

/** A feature's HTTP routes. Handlers parse, call one domain method, and render. */
public interface Routes {
  void mount(Router router, Http http);
}
