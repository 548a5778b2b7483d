/**
 * Wiring: the settings (each declared once), the object graph built with constructors in
 * {@link io.spoor.app.Spoor}, and the command line. The only package that knows every
 * other; nothing depends on it.
 */
package io.spoor.app;
