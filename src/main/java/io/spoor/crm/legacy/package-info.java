/** The legacy contacts API ({@code /contacts/v1/…}) Segment and older clients call, over the v3 writes. */
package io.spoor.crm.legacy;
