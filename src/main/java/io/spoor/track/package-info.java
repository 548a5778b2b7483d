/**
 * The tracking endpoints that need no authentication: the Events HTTP API ({@code /v1/event}),
 * the tracker script ({@code /<hubId>.js}) and its beacons ({@code /__pt*.gif}). Parses requests into hits, hands them to the
 * ingest log, answers the 1x1 GIF; and holds the rules that apply each tracking hit, with the
 * per-portal limits on what those hits may create ({@code CreationLimits}).
 */
package io.spoor.track;
