/**
 * The CRM search ({@code POST /crm/v3/objects/contacts/search}): filters, sorts, the free-text
 * query and paging ({@code ObjectSearch}), their JSON, and the SQL that answers them over the
 * generic object tables ({@code SqlObjectSearch}).
 */
package io.spoor.crm.search;
