/**
 * Moving data in and out as CSV: exports of contacts and companies streamed page by page with
 * the response's back-pressure (nothing is held but one page), and imports of contacts from a
 * CSV file with a column-to-property mapping, run off the event loop, written through the CRM's
 * contact writes (so property types and the unique email hold) and reported row by row. Owns
 * the {@code contact_import*} tables; reads and writes contacts only through {@code crm.object}.
 */
package io.spoor.transfer;
