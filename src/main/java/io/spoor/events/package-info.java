/**
 * Custom event definitions and their completions, with HubSpot's rules: numeric ids shown
 * zero-padded to 12 digits; app-created events trigger only by id; a dynamic name is created
 * once and, once deleted, never again. Owns {@code event_definition} and
 * {@code event_completion}. Does not know where hits come from.
 */
package io.spoor.events;
